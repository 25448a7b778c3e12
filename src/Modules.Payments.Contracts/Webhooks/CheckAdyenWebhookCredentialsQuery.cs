using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Payments.Contracts.Webhooks;

/// <summary>Whether an Authorization header carries the webhook's basic credentials; the host asks before it reads the body.</summary>
public sealed record CheckAdyenWebhookCredentialsQuery(string? Authorization) : IQuery<bool>;
