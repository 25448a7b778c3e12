using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Quartz;

namespace Portal.IntegrationTests.Foundation;

/// <summary>Every name Database:Provider accepts for PostgreSQL gives the job scheduler the clustered store, not an in-memory one.</summary>
public sealed class JobStoreProviderTestsOnPostgres() : HttpTest(SqlDialect.Postgres), IPostgresTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "PostgreSQL",
        ["Jobs:Enabled"] = "true",
    };

    [DbFact]
    public async Task Provider_named_postgresql_clusters_the_job_store_like_postgres()
    {
        var scheduler = await Factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var metadata = await scheduler.GetMetadata(CancellationToken.None);

        Assert.True(metadata.JobStoreClustered);
    }
}
