using System.Net;
using Dapper;
using Npgsql;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Foundation;

/// <summary>Several hosts share one PostgreSQL database: they start together, migrate once (Hangfire's schema too) and both run Hangfire servers.</summary>
public sealed class TwoHostsTestsOnPostgres : IPostgresTest
{
    [DbFact]
    public async Task Two_hosts_started_at_once_both_come_up_and_migrate_once()
    {
        await using var database = await TestDatabase.CreateAsync(SqlDialect.Postgres);
        var settings = new Dictionary<string, string?> { ["Jobs:Enabled"] = "true" };
        await using var first = new PortalWebFactory(database, settings);
        await using var second = new PortalWebFactory(database, settings);

        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

        Assert.Equal(HttpStatusCode.OK, (await first.CreateClient().GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.CreateClient().GetAsync("/health")).StatusCode);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("select count(*) - count(distinct (module, version)) from schema_versions"));
        Assert.Equal(2L, await ServersCheckedInAsync(connection, expected: 2));
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("select count(*) from hangfire.schema"));
    }

    // Hangfire's server announces itself from its own thread after the host has started, so the second row may come a moment later.
    private static async Task<long> ServersCheckedInAsync(NpgsqlConnection connection, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var count = await connection.ExecuteScalarAsync<long>("select count(*) from hangfire.server");
            if (count >= expected || DateTime.UtcNow > deadline)
                return count;
            await Task.Delay(100);
        }
    }
}
