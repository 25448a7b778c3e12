using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Portal.Modules.Payments.Adyen;

/// <summary>A marker whose validation on start checks the Adyen settings: the host refuses to start rather than run open.</summary>
internal sealed class AdyenStartupCheck;

/// <summary>
/// Fails closed: in test or live mode every credential must be set (an empty HMAC key or webhook password would let anyone
/// forge a notification), and outside Development the emulator runs only when explicitly allowed.
/// </summary>
internal sealed class AdyenOptionsValidator(AdyenOptions options, IHostEnvironment? environment) : IValidateOptions<AdyenStartupCheck>
{
    public ValidateOptionsResult Validate(string? name, AdyenStartupCheck check)
    {
        var problems = Problems(options, environment?.IsDevelopment() ?? true).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static IEnumerable<string> Problems(AdyenOptions options, bool isDevelopment)
    {
        switch (options.Mode)
        {
            case AdyenModes.Emulator:
                if (!isDevelopment && !options.AllowEmulator)
                    yield return "Payments:Adyen:Mode is emulator outside Development; set Payments:Adyen:Mode to test or live, "
                                 + "or Payments:Adyen:AllowEmulator=true for a demo.";
                yield break;
            case AdyenModes.Test or AdyenModes.Live:
                var missing = new (string Key, string Value)[]
                {
                    ("ApiKey", options.ApiKey), ("MerchantAccount", options.MerchantAccount), ("ClientKey", options.ClientKey),
                    ("HmacKey", options.HmacKey), ("WebhookUsername", options.WebhookUsername), ("WebhookPassword", options.WebhookPassword),
                }.Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => $"Payments:Adyen:{s.Key}").ToList();
                if (options.Mode == AdyenModes.Live && string.IsNullOrWhiteSpace(options.LiveUrlPrefix) && string.IsNullOrWhiteSpace(options.BaseUrl))
                    missing.Add("Payments:Adyen:LiveUrlPrefix");
                if (missing.Count > 0)
                    yield return $"Payments:Adyen:Mode is {options.Mode} but these settings are missing: {string.Join(", ", missing)}.";
                else if (!IsHexKey(options.HmacKey))
                    yield return "Payments:Adyen:HmacKey must be the hex key from Adyen's Customer Area (an even number of hex digits, at least 32).";
                yield break;
            default:
                yield return $"Payments:Adyen:Mode '{options.Mode}' is not supported; use emulator, test or live.";
                yield break;
        }
    }

    public static bool IsHexKey(string key) =>
        key.Length >= 32 && key.Length % 2 == 0 && key.All(char.IsAsciiHexDigit);
}
