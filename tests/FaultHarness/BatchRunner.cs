using System.Diagnostics;
using Portal.BuildingBlocks.Data;

namespace Portal.FaultHarness;

/// <summary>What to run: which seeds, on which engine, with which fault classes enabled.</summary>
public sealed record HarnessSettings(SqlDialect Dialect, IReadOnlyList<int> Seeds, Faults Enabled, int BatchSize = 200, bool Verbose = false);

public sealed record HarnessSummary(int Runs, int BrokenRuns, IReadOnlyDictionary<string, int> BrokenByInvariant,
    IReadOnlyDictionary<Faults, int> FaultsDrawn, IReadOnlyList<string> BrokenSeeds, TimeSpan Elapsed);

/// <summary>
/// Runs seeds in batches: one database and host set per batch, a fresh account per seed. Prints one line per run and, for a
/// broken invariant, the seed, the replay command and the run's trace.
/// </summary>
public static class BatchRunner
{
    public static async Task<HarnessSummary> RunAsync(HarnessSettings settings, TextWriter output)
    {
        var watch = Stopwatch.StartNew();
        var byInvariant = Invariants.All.ToDictionary(i => i, _ => 0);
        var drawnCounts = Enum.GetValues<Faults>().Where(f => f is not Faults.None and not Faults.All).ToDictionary(f => f, _ => 0);
        var brokenSeeds = new List<string>();
        var engine = settings.Dialect == SqlDialect.Postgres ? "postgres" : "sqlite";
        var runs = 0;
        foreach (var batch in settings.Seeds.Chunk(Math.Max(1, settings.BatchSize)))
        {
            await using var host = await HarnessHost.StartAsync(settings.Dialect, (settings.Enabled & Faults.TwoHosts) != 0);
            foreach (var seed in batch)
            {
                var result = await SeedRun.RunAsync(host, seed, settings.Enabled, runs++);
                foreach (var fault in drawnCounts.Keys.Where(f => (result.Drawn & f) != 0).ToList())
                    drawnCounts[fault]++;
                var names = result.Broken.Select(b => b.Invariant).Distinct().ToList();
                foreach (var name in names)
                    byInvariant[name]++;
                output.WriteLine($"seed {seed} {engine} faults={FaultNames.Describe(result.Drawn)} ops={result.Operations} {result.Elapsed.TotalMilliseconds:F0}ms "
                    + (result.Ok ? "invariants=ok" : $"BROKEN={string.Join(",", names)}"));
                if (!result.Ok)
                {
                    brokenSeeds.Add($"{seed}: {string.Join(",", names)}");
                    output.WriteLine($"  replay: dotnet run -c Release --project tests/FaultHarness -- --db {engine} --seed {seed}"
                        + (settings.Enabled == Faults.All ? "" : $" --faults {settings.Enabled.ToString().Replace(" ", "", StringComparison.Ordinal)}"));
                    foreach (var (invariant, detail) in result.Broken)
                        output.WriteLine($"  broken {invariant}: {detail}");
                }
                if (!result.Ok || settings.Verbose)
                    foreach (var line in result.Trace)
                        output.WriteLine($"    {line}");
            }
        }
        var summary = new HarnessSummary(runs, brokenSeeds.Count, byInvariant, drawnCounts, brokenSeeds, watch.Elapsed);
        output.WriteLine($"{engine}: {summary.Runs} runs in {summary.Elapsed.TotalSeconds:F0} s, {summary.BrokenRuns} broke an invariant");
        output.WriteLine("  faults drawn: " + string.Join(", ", drawnCounts.Select(d => $"{d.Key} {d.Value}")));
        output.WriteLine("  runs breaking each invariant: " + string.Join(", ", byInvariant.Select(b => $"{b.Key} {b.Value}")));
        return summary;
    }
}
