using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Foundation;

public abstract class MigrationTests(SqlDialect dialect) : IntegrationTest(dialect)
{
    [DbFact]
    public async Task Migrate_when_already_current_applies_nothing()
    {
        var migrator = Portal.Services.GetRequiredService<Migrator>();

        var applied = await migrator.MigrateAsync();

        Assert.Equal(0, applied);
    }

    [DbFact]
    public async Task Migrate_records_every_script_of_every_source()
    {
        var migrator = Portal.Services.GetRequiredService<Migrator>();
        var expected = Portal.Services.GetServices<MigrationSource>().Sum(s => migrator.Scripts(s).Count);

        var recorded = await Portal.QueryAsync<long>("select count(*) from schema_versions");

        Assert.True(expected > 0);
        Assert.Equal(expected, recorded.Single());
    }

    [DbFact]
    public async Task Migrate_when_two_hosts_start_at_once_applies_each_script_once()
    {
        await using var fresh = await TestDatabase.CreateAsync(Dialect);
        var hosts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => PortalTestHost.StartAsync(fresh))));

        var duplicates = await hosts[0].QueryAsync<long>("select count(*) - count(distinct module || ':' || version) from schema_versions");
        var total = await hosts[0].QueryAsync<long>("select count(*) from schema_versions");

        Assert.Equal(0, duplicates.Single());
        Assert.Equal((await Portal.QueryAsync<long>("select count(*) from schema_versions")).Single(), total.Single());
        foreach (var host in hosts)
            await host.DisposeAsync();
    }
}

public sealed class MigrationTestsOnSqlite() : MigrationTests(SqlDialect.Sqlite);

public sealed class MigrationTestsOnPostgres() : MigrationTests(SqlDialect.Postgres), IPostgresTest;
