using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Modules.Payments.Adyen.Emulator;

// A loopback Kestrel server speaking Checkout v71 and sending signed webhooks, for tests and the offline demo.
internal sealed class AdyenEmulator(
    WebApplication app, Uri baseUrl, EmulatorLedger ledger, WebhookDispatcher webhooks, PendingPayments pending,
    CancellationTokenSource stopping, EmulatorChaos chaos) : IAsyncDisposable
{
    public Uri BaseUrl { get; } = baseUrl;

    public EmulatorChaos Chaos { get; } = chaos;

    public WebhookTarget? WebhookTarget { get => webhooks.Target; set => webhooks.Target = value; }

    public IReadOnlyList<EmulatorCharge> Charges => ledger.Charges;

    public int ChargeCount => ledger.Charges.Count;

    public IReadOnlyList<EmulatorRefund> Refunds => ledger.Refunds;

    public IReadOnlyList<SentWebhook> SentWebhooks => webhooks.Sent;

    public static async Task<AdyenEmulator> StartAsync(EmulatorOptions options, CancellationToken ct)
    {
        if (options.HmacKey.Length == 0 || options.HmacKey.Length % 2 != 0 || !options.HmacKey.All(char.IsAsciiHexDigit))
            throw new ArgumentException("EmulatorOptions.HmacKey must be a hex string.", nameof(options));

        // The empty builder reads no appsettings, environment or command line and logs nothing.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();

        var stopping = new CancellationTokenSource();
        var chaos = new EmulatorChaos();
        var ledger = new EmulatorLedger();
        var webhooks = new WebhookDispatcher(options, chaos);
        var pending = new PendingPayments(options, ledger, webhooks, stopping.Token);
        var pipeline = new EmulatorPipeline(options, chaos, new IdempotencyStore(), webhooks, pending, stopping.Token);
        EmulatorEndpoints.Map(app, pipeline, new PaymentProcessor(options, ledger, chaos), new RefundProcessor(options, ledger),
            new StoredMethodsApi(options, ledger), new CancelProcessor(options, ledger));

        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AdyenEmulator(app, new Uri($"{address.TrimEnd('/')}/v71/"), ledger, webhooks, pending, stopping, chaos);
    }

    public Task SettlePendingAchAsync(CancellationToken ct)
    {
        pending.SettleAll();
        return Task.CompletedTask;
    }

    // Before settlement: AUTHORISATION success=false; after it: an ACH return, sent as CHARGEBACK.
    public Task FailAchAsync(string pspReference, CancellationToken ct)
    {
        pending.Fail(pspReference);
        return Task.CompletedTask;
    }

    public Task SendChargebackAsync(string pspReference, CancellationToken ct)
    {
        pending.Chargeback(pspReference);
        return Task.CompletedTask;
    }

    public Task ReleaseHeldWebhooksAsync(bool reverseOrder, CancellationToken ct) => webhooks.ReleaseHeldAsync(reverseOrder, ct);

    public IReadOnlyList<NotificationItem> TakeHeldWebhooks() => webhooks.TakeHeld();

    // Bounded: an answer the caller gave up on (a timeout) is still being written, and its webhooks follow it.
    public async Task WaitUntilIdleAsync(TimeSpan atMost, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (Chaos.InFlight > 0 && System.Diagnostics.Stopwatch.GetElapsedTime(started) < atMost)
            await Task.Delay(5, ct);
    }

    // One signed item, once, bypassing the duplicate switch: the caller decides how often and in which order.
    public Task DeliverWebhookAsync(NotificationItem item, CancellationToken ct) => webhooks.DeliverNowAsync(item, ct);

    private int disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
            return;
        await stopping.CancelAsync();
        await webhooks.DisposeAsync();
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        stopping.Dispose();
    }
}
