using System.Globalization;
using Portal.BuildingBlocks.Data;

namespace Portal.FaultHarness;

/// <summary>
/// dotnet run -c Release --project tests/FaultHarness -- --runs 10000 --db sqlite|postgres [--first F] [--seed S[,S2]] [--faults a,b]
/// [--batch N] [--verbose]. Exit code 1 when any run broke an invariant.
/// </summary>
public static class HarnessProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
            if (args[i].StartsWith("--", StringComparison.Ordinal))
                options[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";

        var dialect = options.GetValueOrDefault("db", "sqlite") switch
        {
            "sqlite" => SqlDialect.Sqlite,
            "postgres" => SqlDialect.Postgres,
            var other => throw new ArgumentException($"--db must be sqlite or postgres, not {other}"),
        };
        var first = Number(options.GetValueOrDefault("first", "1"));
        IReadOnlyList<int> seeds = options.TryGetValue("seed", out var chosen)
            ? [.. chosen.Split(',').Select(Number)]
            : [.. Enumerable.Range(first, Number(options.GetValueOrDefault("runs", "100")))];
        var settings = new HarnessSettings(dialect, seeds, FaultNames.Parse(options.GetValueOrDefault("faults", "all")),
            Number(options.GetValueOrDefault("batch", "200")), options.ContainsKey("verbose") || options.ContainsKey("seed"));

        // WebApplicationFactory finds the Host's content root through a manifest it looks up in the current directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var summary = await BatchRunner.RunAsync(settings, Console.Out);
        return summary.BrokenRuns == 0 ? 0 : 1;
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
