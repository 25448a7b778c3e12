using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.IntegrationTests.Payments.Adyen.Support;
using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Adyen.Emulator;

namespace Portal.IntegrationTests.Http.Payments;

public abstract class AdyenWebhookHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    private AdyenOptions Options => Factory.Services.GetRequiredService<AdyenOptions>();

    [DbFact]
    public async Task Signed_webhooks_from_the_emulator_are_stored_once_even_when_sent_twice()
    {
        var emulator = Factory.Services.GetRequiredService<AdyenEndpoint>().Emulator!;
        emulator.WebhookTarget = new WebhookTarget(CreateClient(), new Uri(Factory.Server.BaseAddress, "/api/webhooks/adyen"));
        emulator.Chaos.DuplicateWebhooks = true;
        await using var scope = Factory.Services.CreateAsyncScope();
        var client = scope.ServiceProvider.GetRequiredService<AdyenCheckoutClient>();

        var payment = await client.PaymentsAsync(Requests.Ach(), Requests.NewKey(), CancellationToken.None);
        await emulator.SettlePendingAchAsync(CancellationToken.None);
        var bothDelivered = await WaitUntilAsync(() => emulator.SentWebhooks.Count(w => w.Item.PspReference == payment.PspReference) >= 2);

        Assert.Equal(ResultCodes.Received, payment.ResultCode);
        Assert.True(bothDelivered, "The emulator did not deliver the webhook twice within 10 seconds.");
        Assert.Equal(1, await CountAsync(payment.PspReference!));
    }

    [DbFact]
    public async Task Webhook_with_a_forged_signature_is_refused_and_stores_nothing()
    {
        var item = Item("PSP0000000000009");
        var forged = AdyenHmac.WithSignature(item, "00" + Options.HmacKey[2..]);

        var response = await PostAsync(forged, Options.WebhookUsername, Options.WebhookPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await CountAsync("PSP0000000000009"));
    }

    [DbFact]
    public async Task Webhook_with_wrong_credentials_is_refused_and_stores_nothing()
    {
        var signed = AdyenHmac.WithSignature(Item("PSP0000000000010"), Options.HmacKey);

        var response = await PostAsync(signed, Options.WebhookUsername, "wrong-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await CountAsync("PSP0000000000010"));
    }

    [DbFact]
    public async Task Webhook_that_is_signed_and_authenticated_is_accepted()
    {
        var signed = AdyenHmac.WithSignature(Item("PSP0000000000011"), Options.HmacKey);

        var response = await PostAsync(signed, Options.WebhookUsername, Options.WebhookPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[accepted]", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync("PSP0000000000011"));
    }

    private NotificationItem Item(string psp) => new()
    {
        EventCode = EventCodes.Authorisation, Success = "true", EventDate = "2026-03-02T15:00:00+00:00",
        MerchantAccountCode = Options.MerchantAccount, MerchantReference = "PAY-1", PspReference = psp, Amount = new Amount("USD", 12550),
    };

    private Task<HttpResponseMessage> PostAsync(NotificationItem item, string user, string password) =>
        SignedWebhook.PostAsync(CreateClient(), item, user, password);

    private async Task<long> CountAsync(string psp)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDatabase>()
            .ExecuteScalarAsync<long>("select count(*) from payments_webhook_events where psp_reference = @Psp", new { Psp = psp });
    }

    // Webhooks come from the emulator's own delivery loop, which records a delivery after the host answered it.
    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        return condition();
    }
}

public sealed class AdyenWebhookHttpTestsOnSqlite() : AdyenWebhookHttpTests(SqlDialect.Sqlite);

public sealed class AdyenWebhookHttpTestsOnPostgres() : AdyenWebhookHttpTests(SqlDialect.Postgres), IPostgresTest;
