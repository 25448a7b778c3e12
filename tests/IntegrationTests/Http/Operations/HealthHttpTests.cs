using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.Host.Jobs;
using Portal.IntegrationTests.Infrastructure;
using Portal.IntegrationTests.TestModule;

namespace Portal.IntegrationTests.Http.Operations;

public abstract class HealthHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Live_answers_200_even_when_readiness_fails()
    {
        await using var stopped = WithJobServer(new StubJobServer(running: false));

        var live = await stopped.CreateClient().GetAsync("/health/live");
        var ready = await stopped.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [DbFact]
    public async Task Ready_and_health_when_database_migrations_jobs_and_outbox_are_fine_are_200()
    {
        await using var running = WithJobServer(new StubJobServer(running: true));

        var ready = await running.CreateClient().GetAsync("/health/ready");
        var health = await running.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [DbFact]
    public async Task Ready_when_a_migration_is_missing_is_503()
    {
        await using (var scope = Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IDatabase>().ExecuteAsync(
                "delete from schema_versions where module = 'payments' and version = (select max(version) from schema_versions where module = 'payments')");

        var ready = await CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [DbFact]
    public async Task Ready_when_an_event_waits_beyond_the_threshold_is_503_and_200_once_delivered()
    {
        await Factory.Services.PublishAsync(new ProbeRecordedEvent(Guid.NewGuid(), "waiting"));
        Factory.Clock.Advance(TimeSpan.FromMinutes(16));

        var stuck = await CreateClient().GetAsync("/health/ready");
        await Factory.DrainOutboxAsync();
        var moving = await CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, stuck.StatusCode);
        Assert.Equal(HttpStatusCode.OK, moving.StatusCode);
    }

    [DbFact]
    public async Task Ready_when_an_event_is_younger_than_the_threshold_is_200()
    {
        await Factory.Services.PublishAsync(new ProbeRecordedEvent(Guid.NewGuid(), "fresh"));
        Factory.Clock.Advance(TimeSpan.FromMinutes(14));

        var ready = await CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithJobServer(IJobServerStatus status) =>
        Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(status)));

    private sealed class StubJobServer(bool running) : IJobServerStatus
    {
        public bool IsEnabled => true;

        public Task<bool> IsRunningAsync(CancellationToken ct) => Task.FromResult(running);
    }
}

public sealed class HealthHttpTestsOnSqlite() : HealthHttpTests(SqlDialect.Sqlite);

public sealed class HealthHttpTestsOnPostgres() : HealthHttpTests(SqlDialect.Postgres), IPostgresTest;
