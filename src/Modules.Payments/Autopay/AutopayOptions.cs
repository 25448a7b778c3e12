using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Portal.Modules.Payments.Autopay;

/// <summary>Payments:Autopay settings: retry schedule, notice lead time, sweep parallelism; Portal:BaseUrl for the links in emails.</summary>
internal sealed record AutopayOptions(IReadOnlyList<int> RetryAfterDays, int NoticeDays, int Parallelism, string BaseUrl)
{
    public static AutopayOptions From(IConfiguration config)
    {
        var section = config.GetSection("Payments:Autopay");
        var retries = (section["RetryAfterDays"] ?? "1,3,5").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is > 0 and <= 60 ? days
                : throw new InvalidOperationException($"Payments:Autopay:RetryAfterDays must list whole days from 1 to 60, like 1,3,5; '{d}' is not one."))
            .ToList();
        var notice = Int(section["NoticeDays"], 3, 0, 30, "NoticeDays");
        var parallelism = Int(section["Parallelism"], 4, 1, 64, "Parallelism");
        return new AutopayOptions(retries, notice, parallelism, (config["Portal:BaseUrl"] ?? "").TrimEnd('/'));
    }

    private static int Int(string? value, int fallback, int min, int max, string name) =>
        value is null ? fallback
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n
        : throw new InvalidOperationException($"Payments:Autopay:{name} must be a whole number from {min} to {max}.");
}
