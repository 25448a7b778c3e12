using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.FaultHarness;

/// <summary>
/// The fixed seeds `dotnet test` runs on each engine, every fault class enabled. A failure lists each broken seed with its
/// invariant, replay command and trace (in the test output).
/// </summary>
public abstract class FixedSeedTests(SqlDialect dialect, ITestOutputHelper output)
{
    // Seeds 1-40 draw every fault class at least a few times each (see docs/FAULT-HARNESS.md) and run in about a minute.
    public static readonly IReadOnlyList<int> Seeds = [.. Enumerable.Range(1, 40)];

    [DbFact]
    public async Task Fixed_seeds_under_every_fault_break_no_invariant()
    {
        using var log = new StringWriter();

        var summary = await BatchRunner.RunAsync(new HarnessSettings(dialect, Seeds, Faults.All), log);

        output.WriteLine(log.ToString());
        Assert.True(summary.BrokenRuns == 0, $"{summary.BrokenRuns} of {summary.Runs} runs broke an invariant: {string.Join("; ", summary.BrokenSeeds)}");
    }
}

public sealed class SqliteFixedSeedTests(ITestOutputHelper output) : FixedSeedTests(SqlDialect.Sqlite, output);

public sealed class PostgresFixedSeedTests(ITestOutputHelper output) : FixedSeedTests(SqlDialect.Postgres, output), IPostgresTest;
