using System.Text.RegularExpressions;

namespace Portal.Host.Pages;

/// <summary>
/// Adyen Web (the card component, advanced flow) for the pay page in test and live mode: where it loads from, the integrity
/// hashes it must match (PCI DSS 4.0 6.4.3) and the page's Content-Security-Policy. Card data goes from the component's
/// iframes to Adyen; we only receive encrypted fields.
/// </summary>
internal sealed record AdyenWebComponent(string Environment, string ClientKey, string Version = AdyenWebComponent.DefaultVersion,
    string? ScriptIntegrity = null, string? StyleIntegrity = null)
{
    // Pinned on purpose (Payments:Adyen:WebVersion moves it): a new version is a reviewed change together with its two hashes,
    // Payments:Adyen:WebScriptIntegrity and WebStyleIntegrity, copied from Adyen's release notes for that version. No hash is
    // built in: none could be verified here, and a wrong one would only break the pay page.
    public const string DefaultVersion = "6.31.0";

    // checkoutshopper-{environment}.cdn.adyen.com serves the SDK and card logos; checkoutshopper-{environment}.adyen.com the
    // secured-field iframes and the calls they make. Both follow the environment (test, live, or a live region like live-us).
    public string CdnOrigin => $"https://checkoutshopper-{Environment}.cdn.adyen.com";

    public string ShopperOrigin => $"https://checkoutshopper-{Environment}.adyen.com";

    public string ScriptUrl => $"{CdnOrigin}/checkoutshopper/sdk/{Version}/adyen.js";

    public string StylesheetUrl => $"{CdnOrigin}/checkoutshopper/sdk/{Version}/adyen.css";

    /// <summary>Without the hashes (allowed outside live mode) the tags carry neither integrity nor crossorigin.</summary>
    public bool HasIntegrity => ScriptIntegrity is not null && StyleIntegrity is not null;

    public bool IsConfigured => ClientKey.Length > 0;

    /// <summary>Only our own scripts and Adyen's origins for this environment; no inline or eval'd script anywhere.</summary>
    public string ContentSecurityPolicy =>
        $"default-src 'self'; script-src 'self' {CdnOrigin}; style-src 'self' {CdnOrigin}; frame-src {ShopperOrigin} {CdnOrigin}; "
        + $"connect-src 'self' {ShopperOrigin} {CdnOrigin}; img-src 'self' data: {CdnOrigin} {ShopperOrigin}; font-src 'self' {CdnOrigin}; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The component for Payments:Adyen:Mode test or live; null in emulator mode, which keeps the plain test_ form.</summary>
    public static AdyenWebComponent? From(IConfiguration config)
    {
        var mode = (config["Payments:Adyen:Mode"] ?? "emulator").Trim().ToLowerInvariant();
        if (mode is not ("test" or "live"))
            return null;
        // Live merchants outside Europe load from their region (for example live-us); the key must match the mode.
        var environment = config["Payments:Adyen:WebEnvironment"] is { Length: > 0 } configured ? configured.Trim().ToLowerInvariant() : mode;
        if (!Regex.IsMatch(environment, "^(test|live(-[a-z]+)?)$"))
            throw new InvalidOperationException("Payments:Adyen:WebEnvironment must be test, live or live-<region>.");
        var version = config["Payments:Adyen:WebVersion"] is { Length: > 0 } v ? v.Trim() : DefaultVersion;
        if (!Regex.IsMatch(version, @"^\d+\.\d+\.\d+$"))
            throw new InvalidOperationException("Payments:Adyen:WebVersion must be a release number like 6.31.0.");
        var script = Integrity(config, "Payments:Adyen:WebScriptIntegrity");
        var style = Integrity(config, "Payments:Adyen:WebStyleIntegrity");
        if (mode == "live" && (script is null || style is null))
            throw new InvalidOperationException(
                "In live mode set Payments:Adyen:WebScriptIntegrity and WebStyleIntegrity to the SRI hashes Adyen publishes for Adyen Web " + version + ".");
        return new AdyenWebComponent(environment, config["Payments:Adyen:ClientKey"]?.Trim() ?? "", version, script, style);
    }

    private static string? Integrity(IConfiguration config, string key)
    {
        if (config[key] is not { Length: > 0 } value)
            return null;
        value = value.Trim();
        return Regex.IsMatch(value, "^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}( sha(256|384|512)-[A-Za-z0-9+/]+={0,2})*$")
            ? value
            : throw new InvalidOperationException($"{key} must be an SRI hash like sha384-<base64>.");
    }
}

/// <summary>Reads the Adyen Web settings once at start, so a live host without the hashes refuses to start, not to pay.</summary>
internal sealed class AdyenWebComponentCheck(IConfiguration config) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        AdyenWebComponent.From(config);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
