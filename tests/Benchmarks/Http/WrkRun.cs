using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Benchmarks.Http;

// The numbers of one wrk run, read from its --latency output.
internal sealed partial record WrkRun(double RequestsPerSecond, double P50Ms, double P99Ms, string Errors, string Load)
{
    public static WrkRun Parse(string output, string load)
    {
        var rps = double.Parse(RequestsPerSecondLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = new List<string>();
        if (SocketErrors().Match(output) is { Success: true } socket)
            errors.Add("socket errors: " + socket.Groups[1].Value.Trim());
        if (Non2xx().Match(output) is { Success: true } non2xx)
            errors.Add($"{non2xx.Groups[1].Value} non-2xx");
        return new WrkRun(rps, Percentile(output, "50"), Percentile(output, "99"), errors.Count == 0 ? "none" : string.Join("; ", errors), load);
    }

    public string Row(string endpoint) => string.Create(CultureInfo.InvariantCulture,
        $"| {endpoint} | {RequestsPerSecond:N0} | {P50Ms:0.00} ms | {P99Ms:0.00} ms | {Errors} | {Load} |");

    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s*{percent}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
            throw new FormatException($"wrk printed no {percent}% latency:\n{output}");
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"Socket errors:(.*)")]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();
}

// The Markdown the harness prints and appends to docs/PERFORMANCE.md.
internal static class WrkReport
{
    public static string Table(string command, string engine, int invoices, string duration, string connections, WrkRun portal, WrkRun raw)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"#### Customer invoice list under wrk, {engine}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine($"`{command}`: {invoices:N0} posted invoices on one account, 20 per page, " +
                        $"`wrk -t2 -c{connections} -d{duration} --latency` on loopback, wrk and the Host on the same {Environment.ProcessorCount} cores.");
        text.AppendLine();
        text.AppendLine("| endpoint | requests/s | p50 | p99 | errors | load before the run (`uptime`) |");
        text.AppendLine("| --- | ---: | ---: | ---: | --- | --- |");
        text.AppendLine(portal.Row("`GET /api/accounts/{id}/invoices?limit=20` (cookie auth, full pipeline)"));
        text.AppendLine(raw.Row("`GET /bench/raw-invoices` (same SQL, Dapper, no auth or pipeline)"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| **portal / raw** | **{portal.RequestsPerSecond / raw.RequestsPerSecond:0.00}×** | **{portal.P50Ms / raw.P50Ms:0.00}×** | **{portal.P99Ms / raw.P99Ms:0.00}×** | | |"));
        return text.ToString();
    }

    public static string LoadAverage()
    {
        var text = File.ReadAllText("/proc/loadavg").Split(' ');
        return $"load average: {text[0]}, {text[1]}, {text[2]}";
    }
}
