using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Foundation;

/// <summary>Every name Database:Provider accepts for PostgreSQL gives the job scheduler the shared PostgreSQL storage, not an in-memory one.</summary>
public sealed class JobStoreProviderTestsOnPostgres() : HttpTest(SqlDialect.Postgres), IPostgresTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "PostgreSQL",
        ["Jobs:Enabled"] = "true",
    };

    [DbFact]
    public void Provider_named_postgresql_shares_the_job_storage_like_postgres()
    {
        var storage = Factory.Services.GetRequiredService<JobStorage>();

        Assert.IsType<PostgreSqlStorage>(storage);
    }
}
