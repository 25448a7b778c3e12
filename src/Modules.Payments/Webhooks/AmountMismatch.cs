using MediatR;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Email;
using Portal.BuildingBlocks.Mediation;
using Portal.BuildingBlocks.Messaging;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Identity.Contracts.Users;
using Portal.Modules.Payments.Adyen;

namespace Portal.Modules.Payments.Webhooks;

/// <summary>Internal: a notification named one of our payments with another amount or currency than the payment has.</summary>
internal sealed record WebhookAmountMismatchEvent(Guid EventId, Guid PaymentId, Guid AccountId, string EventCode, string? PspReference,
    Money Expected, long? NotifiedValue, string? NotifiedCurrency) : IIntegrationEvent;

/// <summary>
/// A notification can only settle the payment it matches in full: a mismatch (a misconfigured merchant account, a partial
/// authorisation, or a forgery with a leaked key) changes no money; the event stays stored and finance is told.
/// </summary>
internal sealed class WebhookAmountCheck(IDatabase db, IOutbox outbox, ILogger<WebhookAmountCheck> logger)
{
    public async Task<bool> MatchesAsync(Guid eventId, NotificationItem item, Guid paymentId, CancellationToken ct)
    {
        var payment = await db.QuerySingleOrDefaultAsync<PaymentRow>(
            "select account_id, amount_minor, amount_currency from payments_payments where id = @PaymentId", new { PaymentId = paymentId }, ct);
        if (payment is null)
            return true;
        if (item.Amount is { } amount && amount.Value == payment.AmountMinor && string.Equals(amount.Currency, payment.AmountCurrency, StringComparison.Ordinal))
            return true;
        logger.LogWarning("{EventCode} {PspReference} for payment {PaymentId} notified {NotifiedValue} {NotifiedCurrency} but the payment is {Expected}; nothing changed",
            item.EventCode, item.PspReference, paymentId, item.Amount?.Value, item.Amount?.Currency, new Money(payment.AmountCurrency, payment.AmountMinor));
        outbox.Add(new WebhookAmountMismatchEvent(eventId, paymentId, payment.AccountId, item.EventCode ?? "", item.PspReference,
            new Money(payment.AmountCurrency, payment.AmountMinor), item.Amount?.Value, item.Amount?.Currency));
        return false;
    }

    private sealed record PaymentRow
    {
        public Guid AccountId { get; init; }
        public long AmountMinor { get; init; }
        public string AmountCurrency { get; init; } = "";
    }
}

/// <summary>Finance hears of every mismatch: the processor and our ledger disagree about a payment and someone must look.</summary>
internal sealed class WebhookAmountMismatchEventHandler(IMediator mediator, IEmailSender email) : INotificationHandler<WebhookAmountMismatchEvent>
{
    public async Task Handle(WebhookAmountMismatchEvent mismatch, CancellationToken ct)
    {
        var account = await mediator.Send(new GetAccountQuery(mismatch.AccountId), ct);
        var values = new Dictionary<string, string?>
        {
            ["eventCode"] = mismatch.EventCode,
            ["pspReference"] = mismatch.PspReference ?? "(none)",
            ["paymentId"] = mismatch.PaymentId.ToString("N"),
            ["account"] = account is null ? "an account" : $"{account.Name} ({account.AccountNumber})",
            ["expected"] = mismatch.Expected.ToString(),
            ["notified"] = mismatch.NotifiedValue is { } value ? $"{value} minor units of {mismatch.NotifiedCurrency}" : "no amount",
        };
        foreach (var staff in await mediator.Send(new GetStaffRecipientsQuery(), ct))
            await email.SendAsync(EmailTemplates.Render(typeof(WebhookAmountMismatchEventHandler).Assembly, "webhook-amount-mismatch", staff.Email,
                new Dictionary<string, string?>(values) { ["name"] = staff.Name }), ct);
    }
}
