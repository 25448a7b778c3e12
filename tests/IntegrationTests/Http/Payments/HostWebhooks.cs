using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Payments.Adyen;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>Posts hand-made, correctly signed notifications to the host, for orders and codes the emulator does not produce.</summary>
internal static class HostWebhooks
{
    public static async Task PostAsync(PortalWebFactory portal, string eventCode, bool success, string psp, string? original, string merchantReference,
        long cents, Dictionary<string, string>? additionalData = null, string? paymentMethod = null, string? reason = null, string currency = "USD")
    {
        var options = portal.Services.GetRequiredService<AdyenOptions>();
        var item = new NotificationItem
        {
            EventCode = eventCode, Success = success ? "true" : "false", EventDate = "2026-03-02T15:00:00+00:00", MerchantAccountCode = options.MerchantAccount,
            MerchantReference = merchantReference, PspReference = psp, OriginalReference = original, Amount = new Amount(currency, cents),
            Reason = reason ?? (success ? null : "Refused by the processor"), AdditionalData = additionalData ?? [], PaymentMethod = paymentMethod,
        };
        var response = await SignedWebhook.PostAsync(portal.CreateClient(), AdyenHmac.WithSignature(item, options.HmacKey),
            options.WebhookUsername, options.WebhookPassword);
        response.EnsureSuccessStatusCode();
    }

    public static Task<long> ScalarAsync(PortalWebFactory portal, string sql, object? args = null) => WithDbAsync(portal, db => db.ExecuteScalarAsync<long>(sql, args));

    /// <summary>How many events of this type the outbox holds (published), whether delivered yet or not.</summary>
    public static Task<long> PublishedAsync(PortalWebFactory portal, string eventType) =>
        ScalarAsync(portal, "select count(*) from outbox_messages where type like @Type", new { Type = $"%{eventType}%" });

    public static Task<string?> PaymentStatusAsync(PortalWebFactory portal, string paymentId) =>
        WithDbAsync(portal, db => db.ExecuteScalarAsync<string>("select status from payments_payments where id = @Id", new { Id = Guid.Parse(paymentId) }));

    private static async Task<T> WithDbAsync<T>(PortalWebFactory portal, Func<IDatabase, Task<T>> query)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IDatabase>());
    }
}
