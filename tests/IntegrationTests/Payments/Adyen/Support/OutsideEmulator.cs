using Portal.Modules.Payments.Adyen.Emulator;

namespace Portal.IntegrationTests.Payments.Adyen.Support;

/// <summary>
/// An Adyen emulator outside the host, for a host in test mode that reaches it through Payments:Adyen:BaseUrl
/// (as it would reach Adyen's test platform). Public so browser tests can run the host that way too.
/// </summary>
public sealed class OutsideEmulator : IAsyncDisposable
{
    public const string ClientKey = "test_PORTALCLIENTKEY";
    private readonly AdyenEmulator emulator;

    private OutsideEmulator(AdyenEmulator emulator) => this.emulator = emulator;

    public int ChargeCount => emulator.ChargeCount;

    /// <summary>The last four digits of each charged card, in order.</summary>
    public IReadOnlyList<string?> ChargedCards => emulator.Charges.Select(c => c.Method.LastFour).ToList();

    public IDictionary<string, string?> HostSettings => new Dictionary<string, string?>
    {
        ["Payments:Adyen:Mode"] = "test",
        ["Payments:Adyen:BaseUrl"] = emulator.BaseUrl.ToString(),
        ["Payments:Adyen:ApiKey"] = EmulatorHarness.ApiKey,
        ["Payments:Adyen:MerchantAccount"] = EmulatorHarness.MerchantAccount,
        ["Payments:Adyen:ClientKey"] = ClientKey,
        ["Payments:Adyen:HmacKey"] = EmulatorHarness.HmacKey,
        ["Payments:Adyen:WebhookUsername"] = EmulatorHarness.WebhookUsername,
        ["Payments:Adyen:WebhookPassword"] = EmulatorHarness.WebhookPassword,
    };

    public static async Task<OutsideEmulator> StartAsync() => new(await AdyenEmulator.StartAsync(new EmulatorOptions
    {
        ApiKey = EmulatorHarness.ApiKey,
        MerchantAccount = EmulatorHarness.MerchantAccount,
        HmacKey = EmulatorHarness.HmacKey,
        WebhookUsername = EmulatorHarness.WebhookUsername,
        WebhookPassword = EmulatorHarness.WebhookPassword,
        AchSettlementDelay = null,
    }, CancellationToken.None));

    public ValueTask DisposeAsync() => emulator.DisposeAsync();
}
