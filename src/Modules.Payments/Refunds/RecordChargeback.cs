using MediatR;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.BuildingBlocks.Messaging;
using Portal.Modules.Invoicing.Contracts.Holds;
using Portal.Modules.Payments.Contracts.Refunds;
using Portal.Modules.Payments.Payments;

namespace Portal.Modules.Payments.Refunds;

/// <summary>
/// The processor took money back: the invoices an applied payment paid are owed again, once per chargeback. What refunds
/// already gave back cannot be reopened twice: that part is recorded as a loss and finance is told, once. On a payment
/// not yet settled (an ACH return overtaking its AUTHORISATION) the debit never happened: the payment fails instead,
/// so a late AUTHORISATION success finds it final and applies nothing.
/// </summary>
internal sealed record RecordChargebackCommand(string PaymentPspReference, Guid? PaymentId, string ChargebackPspReference, Money Amount, string? Reason,
    string EventCode = "CHARGEBACK") : ICommand<bool>;

internal sealed class RecordChargebackCommandHandler(IDatabase db, IMediator mediator, IOutbox outbox, TimeProvider clock, ILogger<RecordChargebackCommandHandler> logger)
    : IRequestHandler<RecordChargebackCommand, bool>
{
    public async Task<bool> Handle(RecordChargebackCommand command, CancellationToken ct)
    {
        // Our own reference is the fallback for a payment whose pspReference we never heard (a lost answer).
        var payment = await db.QuerySingleOrDefaultAsync<PaymentRow>(
            "select id, account_id, status from payments_payments where psp_reference = @PaymentPspReference or id = @PaymentId", command, ct);
        if (payment is null)
            return false;
        if (payment.Status is not (PaymentStatus.Authorised or PaymentStatus.Processing or PaymentStatus.Pending or PaymentStatus.Unknown))
        {
            logger.LogWarning("Chargeback {Chargeback} on payment {PaymentId} that is {Status}: nothing was applied, nothing to reopen",
                command.ChargebackPspReference, payment.Id, payment.Status);
            return false;
        }
        // The (pspReference, event code) row claims the dispute event: a redelivery changes nothing and alerts nobody again.
        if (await db.ExecuteAsync("""
                insert into payments_chargebacks (psp_reference, event_code, payment_id, amount_minor, amount_currency, reopened_minor, loss_minor,
                    reason, created_at)
                values (@Psp, @EventCode, @PaymentId, @Amount, @Currency, 0, 0, @Reason, @Now)
                on conflict (psp_reference, event_code) do nothing
                """, new
                {
                    Psp = command.ChargebackPspReference, command.EventCode, PaymentId = payment.Id, Amount = command.Amount.Value,
                    command.Amount.Currency, command.Reason, Now = clock.GetUtcNow(),
                }, ct) == 0)
            return false;

        Money? loss = null;
        if (payment.Status == PaymentStatus.Authorised)
        {
            var reopened = await mediator.Send(new ReopenInvoiceBalanceCommand(payment.Id, command.Amount,
                ChargebackReasons.Of(command.EventCode, command.ChargebackPspReference), UpToApplied: true), ct);
            var reopenedMinor = reopened.Sum(r => r.Amount.Value);
            loss = command.Amount with { Value = command.Amount.Value - reopenedMinor };
            await db.ExecuteAsync("""
                update payments_chargebacks set reopened_minor = @Reopened, loss_minor = @Loss where psp_reference = @Psp and event_code = @EventCode
                """, new { Reopened = reopenedMinor, Loss = loss.Value.Value, Psp = command.ChargebackPspReference, command.EventCode }, ct);
            if (loss.Value.Value > 0)
                logger.LogWarning("Chargeback {Chargeback} on payment {PaymentId}: {Loss} was already refunded and is recorded as a loss",
                    command.ChargebackPspReference, payment.Id, loss);
        }
        else
            await mediator.Send(new RecordPaymentOutcomeCommand(payment.Id, PaymentStatus.Refused, command.PaymentPspReference,
                "The bank returned the payment.", Returned: true), ct);
        outbox.Add(new PaymentChargedBackEvent(payment.Id, payment.AccountId, command.Amount, command.Reason, loss is { } lost && lost.Value > 0 ? lost : null));
        return true;
    }

    private sealed record PaymentRow
    {
        public Guid Id { get; init; }
        public Guid AccountId { get; init; }
        public string Status { get; init; } = "";
    }
}

internal static class ChargebackReasons
{
    // The reopening's key in Invoicing; the same text later lets a reversal put back exactly what this reopened.
    public static string Of(string eventCode, string pspReference) =>
        eventCode == "SECOND_CHARGEBACK" ? $"second-chargeback:{pspReference}" : $"chargeback:{pspReference}";
}
