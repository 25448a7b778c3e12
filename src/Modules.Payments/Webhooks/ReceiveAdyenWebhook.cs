using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Messaging;
using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Contracts.Webhooks;

namespace Portal.Modules.Payments.Webhooks;

/// <summary>
/// Stores first and answers at once (Adyen wants an answer within 10 s); nothing is stored unless the credentials and
/// every item's signature are right. Duplicates (same reference, event and outcome) are stored once.
/// </summary>
internal sealed class ReceiveAdyenWebhookCommandHandler(IDatabase db, IOutbox outbox, AdyenOptions options, TimeProvider clock)
    : IRequestHandler<ReceiveAdyenWebhookCommand, WebhookReceiptDto>
{
    public async Task<WebhookReceiptDto> Handle(ReceiveAdyenWebhookCommand command, CancellationToken ct)
    {
        if (!CredentialsMatch(command.Authorization))
            return new WebhookReceiptDto(WebhookOutcome.Unauthorized, 0, 0);
        var items = Parse(command.Body);
        if (items is null)
            return new WebhookReceiptDto(WebhookOutcome.Malformed, 0, 0);
        if (items.Any(item => !AdyenHmac.IsValid(item, options.HmacKey)))
            return new WebhookReceiptDto(WebhookOutcome.Unauthorized, 0, 0);

        const string sql = """
            insert into payments_webhook_events
                (id, psp_reference, event_code, success, original_reference, merchant_reference, amount_minor, amount_currency, payload, received_at)
            values (@Id, @PspReference, @EventCode, @Success, @OriginalReference, @MerchantReference, @AmountMinor, @AmountCurrency, @Payload, @Now)
            on conflict (psp_reference, event_code, success) do nothing
            returning id
            """;
        var stored = 0;
        foreach (var item in items)
        {
            var id = await db.QuerySingleOrDefaultAsync<Guid?>(sql, new
            {
                Id = Guid.CreateVersion7(), item.PspReference, item.EventCode, Success = item.IsSuccess, item.OriginalReference, item.MerchantReference,
                AmountMinor = item.Amount?.Value ?? 0, AmountCurrency = item.Amount?.Currency ?? "", Payload = JsonSerializer.Serialize(item, AdyenJson.Options),
                Now = clock.GetUtcNow(),
            }, ct);
            if (id is not { } eventId)
                continue;
            stored++;
            outbox.Add(new AdyenNotificationStoredEvent(eventId));
        }
        return new WebhookReceiptDto(WebhookOutcome.Accepted, stored, items.Count - stored);
    }

    private bool CredentialsMatch(string? authorization)
    {
        // Belt and braces beside the start-up check: with no secret configured nobody is let in.
        if (string.IsNullOrEmpty(options.WebhookUsername) || string.IsNullOrEmpty(options.WebhookPassword) || !AdyenOptionsValidator.IsHexKey(options.HmacKey))
            return false;
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return false;
        var expected = Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.WebhookUsername}:{options.WebhookPassword}")));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(authorization[6..].Trim()));
    }

    private static IReadOnlyList<NotificationItem>? Parse(string body)
    {
        try
        {
            var request = JsonSerializer.Deserialize<NotificationRequest>(body, AdyenJson.Options);
            var items = request?.NotificationItems?.Select(e => e.NotificationRequestItem).Where(i => i is not null).ToList();
            return items is { Count: > 0 } && items.All(i => !string.IsNullOrEmpty(i.PspReference) && !string.IsNullOrEmpty(i.EventCode)) ? items : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
