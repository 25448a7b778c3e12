using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Payments.Contracts.Webhooks;

/// <summary>One delivery from the processor: checked (basic auth, HMAC on every item), stored once per event, processed later.</summary>
public sealed record ReceiveAdyenWebhookCommand(string Body, string? Authorization) : ICommand<WebhookReceiptDto>;

public sealed record WebhookReceiptDto(WebhookOutcome Outcome, int Stored, int Duplicates);

public enum WebhookOutcome
{
    Accepted = 1,
    Unauthorized = 2,
    Malformed = 3,
}
