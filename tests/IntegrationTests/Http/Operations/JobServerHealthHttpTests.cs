using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.Host.Jobs;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Operations;

/// <summary>Readiness reads the real Hangfire server: ready once this host's server has announced itself in the job storage.</summary>
public abstract class JobServerHealthHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:Enabled"] = "true" };

    [DbFact]
    public async Task Ready_once_this_hosts_job_server_is_in_the_storage()
    {
        var status = Factory.Services.GetRequiredService<IJobServerStatus>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await status.IsRunningAsync(CancellationToken.None) && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        var ready = await CreateClient().GetAsync("/health/ready");

        Assert.IsType<HangfireJobServerStatus>(status);
        Assert.True(await status.IsRunningAsync(CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}

public sealed class JobServerHealthHttpTestsOnSqlite() : JobServerHealthHttpTests(SqlDialect.Sqlite);

public sealed class JobServerHealthHttpTestsOnPostgres() : JobServerHealthHttpTests(SqlDialect.Postgres), IPostgresTest;
