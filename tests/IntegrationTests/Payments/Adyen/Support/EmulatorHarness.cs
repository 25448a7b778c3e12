using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Adyen.Emulator;

namespace Portal.IntegrationTests.Payments.Adyen.Support;

// One emulator, one webhook receiver and one client pointed at the emulator, per test.
internal sealed class EmulatorHarness(AdyenEmulator emulator, WebhookReceiver webhooks, HttpClient apiHttp, HttpClient webhookHttp,
    AdyenOptions clientOptions) : IAsyncDisposable
{
    public const string ApiKey = "test-api-key";
    public const string MerchantAccount = "PortalMerchantUS";
    public const string HmacKey = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF";
    public const string WebhookUsername = "adyen-webhooks";
    public const string WebhookPassword = "webhook-secret";

    public AdyenEmulator Emulator { get; } = emulator;
    public WebhookReceiver Webhooks { get; } = webhooks;
    public AdyenCheckoutClient Client { get; } = new(apiHttp, clientOptions);

    public static async Task<EmulatorHarness> StartAsync(Func<EmulatorOptions, EmulatorOptions>? configure = null, TimeSpan? clientTimeout = null)
    {
        var webhooks = await WebhookReceiver.StartAsync(WebhookUsername, WebhookPassword);
        var webhookHttp = new HttpClient();
        var options = new EmulatorOptions
        {
            ApiKey = ApiKey,
            MerchantAccount = MerchantAccount,
            HmacKey = HmacKey,
            WebhookUsername = WebhookUsername,
            WebhookPassword = WebhookPassword,
            WebhookTarget = new WebhookTarget(webhookHttp, webhooks.Url),
            AchSettlementDelay = null,
            WebhookRetryDelays = [TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40)],
        };
        var emulator = await AdyenEmulator.StartAsync(configure?.Invoke(options) ?? options, CancellationToken.None);
        var clientOptions = new AdyenOptions
        {
            Mode = AdyenModes.Emulator,
            ApiKey = ApiKey,
            MerchantAccount = MerchantAccount,
            HmacKey = HmacKey,
            BaseUrl = emulator.BaseUrl.ToString(),
        };
        var apiHttp = new HttpClient
        {
            BaseAddress = AdyenCheckoutClient.CheckoutBaseUrl(clientOptions),
            Timeout = clientTimeout ?? TimeSpan.FromSeconds(10),
        };
        return new EmulatorHarness(emulator, webhooks, apiHttp, webhookHttp, clientOptions);
    }

    public AdyenCheckoutClient ClientWith(Func<AdyenOptions, AdyenOptions> change) => new(apiHttp, change(clientOptions));

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        await Webhooks.DisposeAsync();
        apiHttp.Dispose();
        webhookHttp.Dispose();
    }
}
