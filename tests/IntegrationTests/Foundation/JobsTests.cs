using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Foundation;

/// <summary>Smoke test of the Hangfire wiring: a schedule fires through the real job storage of each engine.</summary>
public abstract class JobsTests(SqlDialect dialect) : HttpTest(dialect)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:Enabled"] = "true",
        // The seconds-first form that existing settings use: every second.
        ["Jobs:outbox-cleanup:Cron"] = "0/1 * * * * ?",
    };

    [DbFact]
    public async Task Scheduled_job_fires_through_the_job_storage()
    {
        var storage = Factory.Services.GetRequiredService<JobStorage>();

        var fired = await HangfireProbe.WaitAsync(() => HangfireProbe.Succeeded(storage, "outbox-cleanup") > 0, TimeSpan.FromSeconds(30));

        Assert.True(fired, "No outbox-cleanup run succeeded within 30 seconds.");
        Assert.IsType(Dialect == SqlDialect.Postgres ? typeof(PostgreSqlStorage) : typeof(InMemoryStorage), storage);
    }

    [DbFact]
    public void Every_schedule_is_registered_as_a_recurring_job_with_its_converted_cron()
    {
        using var connection = Factory.Services.GetRequiredService<JobStorage>().GetConnection();

        var jobs = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection).ToDictionary(j => j.Id, j => j.Cron);

        Assert.Equal(Portal.Host.PortalComposition.Schedules.Select(s => s.Name).Order(), jobs.Keys.Order());
        Assert.Equal("0 0 13 * * ?", jobs["autopay"]);
        Assert.Equal("0/1 * * * * ?", jobs["outbox-cleanup"]);
    }
}

public sealed class JobsTestsOnSqlite() : JobsTests(SqlDialect.Sqlite);

public sealed class JobsTestsOnPostgres() : JobsTests(SqlDialect.Postgres), IPostgresTest;
