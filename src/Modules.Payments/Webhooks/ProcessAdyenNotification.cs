using System.Text.Json;
using MediatR;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Payments;
using Portal.Modules.Payments.Refunds;

namespace Portal.Modules.Payments.Webhooks;

/// <summary>A stored processor notification waits to be acted on (delivered through the outbox, so at least once).</summary>
internal sealed record AdyenNotificationStoredEvent(Guid EventId) : IIntegrationEvent;

/// <summary>
/// Settles what only the processor can tell us: ACH and other pending payments, payments whose answer was lost, refunds,
/// cancellations and chargebacks. Every step is guarded by state, so duplicates and events in any order change nothing twice.
/// </summary>
internal sealed class AdyenNotificationStoredEventHandler(IDatabase db, IMediator mediator, WebhookAmountCheck amounts, TimeProvider clock,
    ILogger<AdyenNotificationStoredEventHandler> logger, PaymentsMetrics metrics)
    : INotificationHandler<AdyenNotificationStoredEvent>
{
    public async Task Handle(AdyenNotificationStoredEvent notification, CancellationToken ct)
    {
        var payload = await db.QuerySingleOrDefaultAsync<string>(
            "select payload from payments_webhook_events where id = @EventId and processed_at is null", notification, ct);
        if (payload is null)
            return;
        var item = JsonSerializer.Deserialize<NotificationItem>(payload, AdyenJson.Options)!;
        var ourId = Guid.TryParseExact(item.MerchantReference, "N", out var id) ? id : (Guid?)null;
        bool? changed = item.EventCode switch
        {
            EventCodes.Authorisation when ourId is { } paymentId =>
                await amounts.MatchesAsync(notification.EventId, item, paymentId, ct) && await AuthorisationAsync(item, paymentId, ct),
            EventCodes.Refund when await RefundIdAsync(item, ourId, ct) is { } refundId =>
                await mediator.Send(new MarkRefundCommand(refundId, item.IsSuccess ? RefundStatus.Succeeded : RefundStatus.Failed, item.PspReference), ct),
            EventCodes.RefundFailed when await RefundIdAsync(item, ourId, ct) is { } refundId =>
                await mediator.Send(new RecordRefundFailedCommand(refundId, item.PspReference), ct),
            // TECHNICAL_CANCEL answers our POST /cancels by reference; its merchantReference is our payment id, and its
            // originalReference is absent when nothing was ever charged under that reference.
            EventCodes.Cancellation or EventCodes.TechnicalCancel when item.IsSuccess =>
                await mediator.Send(new RecordCancellationCommand(item.OriginalReference, ourId), ct),
            // A refused cancellation changes nothing: the authorisation stands.
            EventCodes.Cancellation or EventCodes.TechnicalCancel => false,
            EventCodes.Chargeback or EventCodes.SecondChargeback when item.OriginalReference is { } original && item.Amount is { } amount =>
                await mediator.Send(new RecordChargebackCommand(original, ourId, item.PspReference, new Money(amount.Currency, amount.Value),
                    item.AdditionalData?.GetValueOrDefault("chargebackReasonCode") ?? item.Reason, item.EventCode), ct),
            EventCodes.ChargebackReversed when item.OriginalReference is { } original =>
                await mediator.Send(new RecordChargebackReversedCommand(original, ourId, item.PspReference), ct),
            // Dispute steps that move no money: kept in the store (processed) as information for finance.
            EventCodes.NotificationOfChargeback or EventCodes.RequestForInformation => false,
            // Other event codes stay unprocessed in the store until their handling exists.
            _ => null,
        };
        if (changed is null)
            return;
        if (DateTimeOffset.TryParse(item.EventDate, System.Globalization.CultureInfo.InvariantCulture, out var eventDate))
            metrics.WebhookProcessed(item.EventCode, clock.GetUtcNow() - eventDate);
        logger.LogInformation("{EventCode} {Success} {PspReference} {Effect}", item.EventCode, item.Success, item.PspReference,
            changed.Value ? "applied" : "changed nothing");
        await db.ExecuteAsync("update payments_webhook_events set processed_at = @Now where id = @EventId",
            new { notification.EventId, Now = clock.GetUtcNow() }, ct);
    }

    private Task<bool> AuthorisationAsync(NotificationItem item, Guid paymentId, CancellationToken ct)
    {
        var status = item.IsSuccess ? PaymentStatus.Authorised : PaymentStatus.Refused;
        var reason = item.IsSuccess ? null : string.IsNullOrWhiteSpace(item.Reason) || item.Reason == "null" ? "The bank refused the payment." : item.Reason;
        var details = AuthorisationDetails.From(item);
        return mediator.Send(new RecordPaymentOutcomeCommand(paymentId, status, item.PspReference, reason, details.Brand, details.Last4, details.Save), ct);
    }

    // Our refund id is the merchantReference we sent; the refund's own pspReference is the fallback.
    private Task<Guid?> RefundIdAsync(NotificationItem item, Guid? ourId, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<Guid?>("select id from payments_refunds where id = @OurId or psp_reference = @PspReference limit 1",
            new { OurId = ourId, item.PspReference }, ct);
}
