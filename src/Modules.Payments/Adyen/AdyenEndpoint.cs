using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Portal.Modules.Payments.Adyen.Emulator;

namespace Portal.Modules.Payments.Adyen;

/// <summary>
/// Where the Checkout API is. In test and live mode that follows from the settings; in emulator mode it is the
/// loopback emulator, known once it has started. The client code path is the same in every mode.
/// </summary>
internal sealed class AdyenEndpoint(AdyenOptions options)
{
    private Uri? emulatorUrl;

    public AdyenEmulator? Emulator { get; private set; }

    public Uri BaseUrl => options.Mode == AdyenModes.Emulator && options.BaseUrl is null
        ? emulatorUrl ?? throw new InvalidOperationException("The Adyen emulator has not started yet.")
        : AdyenCheckoutClient.CheckoutBaseUrl(options);

    public void UseEmulator(AdyenEmulator emulator)
    {
        Emulator = emulator;
        emulatorUrl = emulator.BaseUrl;
    }

    /// <summary>Settings from Payments:Adyen; in emulator mode, missing keys get random per-process values (never fixed secrets).</summary>
    public static AdyenOptions OptionsFrom(IConfiguration config)
    {
        var options = config.GetSection("Payments:Adyen").Get<AdyenOptions>() ?? new AdyenOptions();
        options = options with { Mode = options.Mode.ToLowerInvariant() };
        if (options.Mode != AdyenModes.Emulator)
            return options;
        return options with
        {
            ApiKey = Or(options.ApiKey, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))),
            MerchantAccount = Or(options.MerchantAccount, "PortalMerchantUS"),
            ClientKey = Or(options.ClientKey, "emulator"),
            HmacKey = Or(options.HmacKey, Convert.ToHexString(RandomNumberGenerator.GetBytes(32))),
            WebhookUsername = Or(options.WebhookUsername, "adyen-emulator"),
            WebhookPassword = Or(options.WebhookPassword, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))),
        };
    }

    private static string Or(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
