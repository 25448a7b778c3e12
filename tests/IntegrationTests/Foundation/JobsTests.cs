using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Quartz;

namespace Portal.IntegrationTests.Foundation;

/// <summary>Smoke test of the Quartz wiring: a schedule fires through the real job store of each engine.</summary>
public abstract class JobsTests(SqlDialect dialect) : HttpTest(dialect)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:Enabled"] = "true",
        ["Jobs:outbox-cleanup:Cron"] = "0/1 * * * * ?",
    };

    [DbFact]
    public async Task Scheduled_job_fires_through_the_job_store()
    {
        var scheduler = await Factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = new TriggerKey("outbox-cleanup");

        var fired = await WaitAsync(async () => (await scheduler.GetTrigger(trigger))?.PreviousFireTimeUtc is not null, TimeSpan.FromSeconds(20));

        Assert.True(fired, "The outbox-cleanup trigger did not fire within 20 seconds.");
        Assert.Equal(Dialect == SqlDialect.Postgres, (await scheduler.GetMetadata(CancellationToken.None)).JobStoreClustered);
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
                return true;
            await Task.Delay(200);
        }
        return false;
    }
}

public sealed class JobsTestsOnSqlite() : JobsTests(SqlDialect.Sqlite);

public sealed class JobsTestsOnPostgres() : JobsTests(SqlDialect.Postgres), IPostgresTest;
