using System.Text.Json;
using MediatR;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Payments;
using Portal.Modules.Payments.Refunds;

namespace Portal.Modules.Payments.Webhooks;

/// <summary>A stored processor notification waits to be acted on (delivered through the outbox, so at least once).</summary>
internal sealed record AdyenNotificationStoredEvent(Guid EventId) : IIntegrationEvent;

/// <summary>
/// Settles what only the processor can tell us: ACH and other pending payments, and payments whose answer was lost.
/// Recording an outcome is idempotent, so duplicates and late arrivals change nothing twice.
/// </summary>
internal sealed class AdyenNotificationStoredEventHandler(IDatabase db, IMediator mediator, TimeProvider clock, ILogger<AdyenNotificationStoredEventHandler> logger)
    : INotificationHandler<AdyenNotificationStoredEvent>
{
    public async Task Handle(AdyenNotificationStoredEvent notification, CancellationToken ct)
    {
        var payload = await db.QuerySingleOrDefaultAsync<string>(
            "select payload from payments_webhook_events where id = @EventId and processed_at is null", notification, ct);
        if (payload is null)
            return;
        var item = JsonSerializer.Deserialize<NotificationItem>(payload, AdyenJson.Options)!;
        if (item.EventCode == EventCodes.Authorisation && Guid.TryParseExact(item.MerchantReference, "N", out var paymentId))
        {
            var status = item.IsSuccess ? PaymentStatus.Authorised : PaymentStatus.Refused;
            var changed = await mediator.Send(new RecordPaymentOutcomeCommand(paymentId, status, item.PspReference,
                item.IsSuccess ? null : string.IsNullOrWhiteSpace(item.Reason) || item.Reason == "null" ? "The bank refused the payment." : item.Reason), ct);
            logger.LogInformation("AUTHORISATION {Success} for payment {PaymentId} {Effect}", item.Success, paymentId, changed ? "recorded" : "already known");
            await MarkProcessedAsync(notification.EventId, ct);
        }
        else if (item.EventCode is EventCodes.Refund or EventCodes.RefundFailed && Guid.TryParseExact(item.MerchantReference, "N", out var refundId))
        {
            var status = item.EventCode == EventCodes.Refund && item.IsSuccess ? RefundStatus.Succeeded : RefundStatus.Failed;
            await mediator.Send(new MarkRefundCommand(refundId, status, item.PspReference), ct);
            await MarkProcessedAsync(notification.EventId, ct);
        }
        else if (item.EventCode == EventCodes.Chargeback && item.OriginalReference is { } original && item.Amount is { } amount)
        {
            await mediator.Send(new RecordChargebackCommand(original, item.PspReference, new Portal.BuildingBlocks.Money(amount.Currency, amount.Value),
                item.AdditionalData?.GetValueOrDefault("chargebackReasonCode") ?? item.Reason), ct);
            await MarkProcessedAsync(notification.EventId, ct);
        }
        // Other event codes stay unprocessed in the store until their handling exists.
    }

    private Task MarkProcessedAsync(Guid eventId, CancellationToken ct) =>
        db.ExecuteAsync("update payments_webhook_events set processed_at = @Now where id = @EventId", new { EventId = eventId, Now = clock.GetUtcNow() }, ct);
}
