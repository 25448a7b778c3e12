using System.Text;

namespace Portal.Modules.Payments.Adyen.Emulator;

internal sealed record EmulatorOptions
{
    public string ApiKey { get; init; } = "";
    public string MerchantAccount { get; init; } = "";

    // Hex, like the key Adyen's Customer Area shows; signs every webhook item.
    public string HmacKey { get; init; } = "";
    public string WebhookUsername { get; init; } = "";
    public string WebhookPassword { get; init; } = "";

    // Can also be set later through AdyenEmulator.WebhookTarget: a host learns its own address only after it starts.
    public WebhookTarget? WebhookTarget { get; init; }
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    // How long an ACH debit (or a PENDING test card) stays Received before its AUTHORISATION webhook;
    // null waits for AdyenEmulator.SettlePendingAchAsync.
    public TimeSpan? AchSettlementDelay { get; init; } = TimeSpan.FromSeconds(3);

    // Adyen retries after about 9, 18 and 27 seconds; the emulator compresses that tenfold.
    public IReadOnlyList<TimeSpan> WebhookRetryDelays { get; init; } =
        [TimeSpan.FromMilliseconds(900), TimeSpan.FromMilliseconds(1800), TimeSpan.FromMilliseconds(2700)];

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"MerchantAccount = {MerchantAccount}, WebhookTarget = {WebhookTarget?.Url}, AchSettlementDelay = {AchSettlementDelay}");
        return true;
    }
}

// The emulator does not own the client; the host or test that made it disposes it.
internal sealed record WebhookTarget(HttpClient Client, Uri Url);
