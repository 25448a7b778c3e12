using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Payments.Adyen;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>
/// Issue 12 item 12: the webhook's 256 KB limit holds without a Content-Length, and credentials are checked before the body
/// is read. On real Kestrel and sockets: the in-memory test server knows every body's length, so nothing there is chunked.
/// </summary>
public abstract class WebhookBodyLimitHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    private PortalWebFactory? kestrel;

    private PortalWebFactory Kestrel
    {
        get
        {
            if (kestrel is null)
            {
                kestrel = new PortalWebFactory(Factory.Database);
                kestrel.UseKestrel(0);
                kestrel.StartServer();
            }
            return kestrel;
        }
    }

    private AdyenOptions Options => Kestrel.Services.GetRequiredService<AdyenOptions>();

    public override async Task DisposeAsync()
    {
        if (kestrel is not null)
            await kestrel.DisposeAsync();
        await base.DisposeAsync();
    }

    [DbFact]
    public async Task A_chunked_body_past_256_KB_is_413_and_stores_nothing_even_when_signed()
    {
        var item = AdyenHmac.WithSignature(Item("PSP0000000000100", new string('x', 300 * 1024)), Options.HmacKey);
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new NotificationRequest("false", [new NotificationItemEnvelope(item)]), AdyenJson.Options));
        var content = new ChunkedContent(body);

        var response = await SendAsync(content, Options.WebhookUsername, Options.WebhookPassword);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await CountAsync("PSP0000000000100"));
    }

    [DbFact]
    public async Task A_small_chunked_body_is_accepted()
    {
        var item = AdyenHmac.WithSignature(Item("PSP0000000000101", "fine"), Options.HmacKey);
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new NotificationRequest("false", [new NotificationItemEnvelope(item)]), AdyenJson.Options));

        var response = await SendAsync(new ChunkedContent(body), Options.WebhookUsername, Options.WebhookPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await CountAsync("PSP0000000000101"));
    }

    [DbFact]
    public async Task Wrong_credentials_are_refused_before_the_body_is_read()
    {
        var content = new ChunkedContent(Encoding.UTF8.GetBytes("{\"live\":\"false\",\"notificationItems\":[" + new string(' ', 8 * 1024 * 1024) + "]}"));

        var wrong = await SendAsync(content, Options.WebhookUsername, "wrong-password");
        var none = await SendAsync(new ChunkedContent(new byte[8 * 1024 * 1024]), null, null);

        // 401, not 413: the credentials were checked before the body's size (or content) was looked at.
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
    }

    private NotificationItem Item(string psp, string reason) => new()
    {
        EventCode = EventCodes.Authorisation, Success = "true", EventDate = "2026-03-02T15:00:00+00:00", Reason = reason,
        MerchantAccountCode = Options.MerchantAccount, MerchantReference = "PAY-1", PspReference = psp, Amount = new Amount("USD", 12550),
    };

    private Task<HttpResponseMessage> SendAsync(HttpContent content, string? user, string? password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/adyen") { Content = content };
        if (user is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return Kestrel.CreateClient().SendAsync(request);
    }

    private async Task<long> CountAsync(string psp)
    {
        await using var scope = Kestrel.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDatabase>()
            .ExecuteScalarAsync<long>("select count(*) from payments_webhook_events where psp_reference = @Psp", new { Psp = psp });
    }

    /// <summary>A body of unknown length (sent chunked), in 16 KB writes.</summary>
    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            try
            {
                for (var offset = 0; offset < body.Length; offset += 16 * 1024)
                {
                    var count = Math.Min(16 * 1024, body.Length - offset);
                    await stream.WriteAsync(body.AsMemory(offset, count));
                    await stream.FlushAsync();
                }
            }
            // The host answered without reading the rest and closed the request body.
            catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
            {
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

public sealed class WebhookBodyLimitHttpTestsOnSqlite() : WebhookBodyLimitHttpTests(SqlDialect.Sqlite);

public sealed class WebhookBodyLimitHttpTestsOnPostgres() : WebhookBodyLimitHttpTests(SqlDialect.Postgres), IPostgresTest;
