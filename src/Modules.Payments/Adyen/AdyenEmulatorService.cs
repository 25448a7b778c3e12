using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Modules.Payments.Adyen.Emulator;

namespace Portal.Modules.Payments.Adyen;

/// <summary>In emulator mode, runs the loopback emulator beside the host and points its webhooks at the host.</summary>
internal sealed class AdyenEmulatorService(AdyenOptions options, AdyenEndpoint endpoint, TimeProvider clock, IServiceProvider services,
    Microsoft.Extensions.Configuration.IConfiguration config) : IHostedService
{
    private AdyenEmulator? emulator;
    private HttpClient? webhookClient;

    public async Task StartAsync(CancellationToken ct)
    {
        emulator = await AdyenEmulator.StartAsync(new EmulatorOptions
        {
            ApiKey = options.ApiKey, MerchantAccount = options.MerchantAccount, HmacKey = options.HmacKey,
            WebhookUsername = options.WebhookUsername, WebhookPassword = options.WebhookPassword, TimeProvider = clock,
            // "manual" leaves ACH debits pending until a test settles them; the demo confirms them after a few seconds.
            AchSettlementDelay = config["Payments:Adyen:EmulatorAchSettlement"] is { } setting
                ? setting == "manual" ? null : TimeSpan.Parse(setting, System.Globalization.CultureInfo.InvariantCulture)
                : TimeSpan.FromSeconds(3),
        }, ct);
        endpoint.UseEmulator(emulator);
        // The host knows its own address only once it listens.
        services.GetService<IHostApplicationLifetime>()?.ApplicationStarted.Register(PointWebhooksAtHost);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (emulator is not null)
            await emulator.DisposeAsync();
        webhookClient?.Dispose();
    }

    private void PointWebhooksAtHost()
    {
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (emulator is null || address is null)
            return;
        var local = address.Replace("://*", "://127.0.0.1").Replace("://+", "://127.0.0.1").Replace("://[::]", "://127.0.0.1");
        webhookClient = new HttpClient();
        emulator.WebhookTarget = new WebhookTarget(webhookClient, new Uri(new Uri(local), "/api/webhooks/adyen"));
    }
}
