using System.Security.Cryptography;
using System.Text;
using MediatR;
using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Contracts.Webhooks;

namespace Portal.Modules.Payments.Webhooks;

/// <summary>Compares in constant time, so the answer's timing says nothing about how much of the password was right.</summary>
internal sealed class CheckAdyenWebhookCredentialsQueryHandler(AdyenOptions options) : IRequestHandler<CheckAdyenWebhookCredentialsQuery, bool>
{
    public Task<bool> Handle(CheckAdyenWebhookCredentialsQuery query, CancellationToken ct)
    {
        var authorization = query.Authorization;
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(options.WebhookUsername) || string.IsNullOrEmpty(options.WebhookPassword))
            return Task.FromResult(false);
        var expected = Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.WebhookUsername}:{options.WebhookPassword}")));
        return Task.FromResult(CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(authorization[6..].Trim())));
    }
}
