using MediatR;
using Portal.Modules.Payments.Contracts.Payments;
using Portal.Modules.Payments.Contracts.Refunds;
using Portal.Modules.Payments.Payments;

namespace Portal.Modules.Payments.Receipts;

/// <summary>A receipt when a card payment is authorised; for ACH, the bank's settlement of a payment that was pending.</summary>
internal sealed class PaymentSucceededEventHandler(PaymentEmails emails) : INotificationHandler<PaymentSucceededEvent>
{
    public Task Handle(PaymentSucceededEvent paid, CancellationToken ct) =>
        emails.SendAsync(paid.MethodType == "ach" ? "ach-settled" : "payment-received", paid.AccountId, paid.PaymentId, paid.Amount,
            new Dictionary<string, string?>(), ct);
}

/// <summary>
/// A note with the reason when a payment fails. Only a return (the bank took back an ACH debit it had accepted) is a
/// "returned" notice; a refusal at authorisation, ACH included, is a plain failure notice.
/// </summary>
internal sealed class PaymentFailedEventHandler(PaymentEmails emails) : INotificationHandler<PaymentFailedEvent>
{
    public Task Handle(PaymentFailedEvent failed, CancellationToken ct)
    {
        var returned = failed.Returned && failed.MethodType == "ach";
        // An autopay charge (no payer) that is refused at once is reported by autopay's own notice, with its retry plan.
        if (failed.MethodType != "ach" && failed.PaidBy is null)
            return Task.CompletedTask;
        // A refused card is usually a typo the payer sees on screen: tell them once, not every admin per attempt (nor a card tester's victims).
        // A bank payment fails days later, out of anyone's sight, so the whole account hears about it.
        return emails.SendAsync(returned ? "ach-returned" : "payment-failed", failed.AccountId, failed.PaymentId, failed.Amount,
            new Dictionary<string, string?> { ["reason"] = failed.Reason ?? (returned ? "The bank returned the payment." : "The payment was not accepted.") }, ct,
            onlyTo: failed.MethodType == "ach" ? null : failed.PaidBy);
    }
}

/// <summary>Tells the account that the processor confirmed a refund.</summary>
internal sealed class PaymentRefundedEventHandler(PaymentEmails emails) : INotificationHandler<PaymentRefundedEvent>
{
    public Task Handle(PaymentRefundedEvent refunded, CancellationToken ct) =>
        emails.SendAsync("payment-refunded", refunded.AccountId, refunded.PaymentId, refunded.Amount,
            new Dictionary<string, string?> { ["refund_reference"] = refunded.RefundId.ToString("N") }, ct);
}

/// <summary>
/// An ACH payment the bank returns after it had settled arrives as a chargeback: the customer gets the return notice.
/// Card chargebacks are disputes the customer started; finance hears about those (ChargebackAlerts).
/// </summary>
internal sealed class PaymentChargedBackEventHandler(IMediator mediator, PaymentEmails emails) : INotificationHandler<PaymentChargedBackEvent>
{
    public async Task Handle(PaymentChargedBackEvent chargedBack, CancellationToken ct)
    {
        // A return that overtook the settlement failed the payment instead, and its failure email already told the customer.
        if (await mediator.Send(new GetPaymentQuery(chargedBack.AccountId, chargedBack.PaymentId), ct) is not { Method.Type: "ach", Status: PaymentStatus.Authorised or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded })
            return;
        await emails.SendAsync("ach-returned", chargedBack.AccountId, chargedBack.PaymentId, chargedBack.Amount,
            new Dictionary<string, string?> { ["reason"] = chargedBack.Reason is { Length: > 0 } r ? r : "The bank returned the payment after it had settled." }, ct);
    }
}
