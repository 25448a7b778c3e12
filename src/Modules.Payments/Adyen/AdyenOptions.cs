using System.Text;

namespace Portal.Modules.Payments.Adyen;

internal sealed record AdyenOptions
{
    public string Mode { get; init; } = AdyenModes.Emulator;
    public string ApiKey { get; init; } = "";
    public string MerchantAccount { get; init; } = "";
    public string ClientKey { get; init; } = "";
    public string HmacKey { get; init; } = "";
    public string WebhookUsername { get; init; } = "";
    public string WebhookPassword { get; init; } = "";
    public string? LiveUrlPrefix { get; init; }
    public string? BaseUrl { get; init; }

    // Outside Development the emulator would take any card and pay nothing; only an explicit opt-in (a demo) runs it.
    public bool AllowEmulator { get; init; }

    // Records print every property by default; secrets must never reach a log line.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Mode = {Mode}, MerchantAccount = {MerchantAccount}, LiveUrlPrefix = {LiveUrlPrefix}, BaseUrl = {BaseUrl}");
        return true;
    }
}

internal static class AdyenModes
{
    public const string Emulator = "emulator";
    public const string Test = "test";
    public const string Live = "live";
}
