namespace Portal.Host.Pages;

/// <summary>
/// Adyen Web (the card component, advanced flow) for the pay page in test and live mode: where it loads from and the
/// page's Content-Security-Policy. Card data goes from the component's iframes to Adyen; we only receive encrypted fields.
/// </summary>
internal sealed record AdyenWebComponent(string Environment, string ClientKey)
{
    // Pinned on purpose: a new version is a reviewed change. Adyen publishes SRI hashes per version, but our facts file
    // (adyen-checkout-facts.md) has none, so no integrity attribute is set rather than an unverified one.
    public const string Version = "6.31.0";

    // checkoutshopper-{environment}.cdn.adyen.com serves the SDK and card logos; checkoutshopper-{environment}.adyen.com the
    // secured-field iframes and the calls they make. Both follow the environment (test, live, or a live region like live-us).
    public string CdnOrigin => $"https://checkoutshopper-{Environment}.cdn.adyen.com";

    public string ShopperOrigin => $"https://checkoutshopper-{Environment}.adyen.com";

    public string ScriptUrl => $"{CdnOrigin}/checkoutshopper/sdk/{Version}/adyen.js";

    public string StylesheetUrl => $"{CdnOrigin}/checkoutshopper/sdk/{Version}/adyen.css";

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
        if (!System.Text.RegularExpressions.Regex.IsMatch(environment, "^(test|live(-[a-z]+)?)$"))
            throw new InvalidOperationException("Payments:Adyen:WebEnvironment must be test, live or live-<region>.");
        return new AdyenWebComponent(environment, config["Payments:Adyen:ClientKey"]?.Trim() ?? "");
    }
}
