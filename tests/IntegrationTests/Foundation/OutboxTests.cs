using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.IntegrationTests.TestModule;

namespace Portal.IntegrationTests.Foundation;

public abstract class OutboxTests(SqlDialect dialect) : IntegrationTest(dialect)
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddProbe();

    [DbFact]
    public async Task Command_event_reaches_each_handler_once_even_when_drained_twice()
    {
        var id = Guid.NewGuid();
        await Portal.SendAsync(new RecordProbeCommand(id, "hello"));

        var first = await Portal.DrainOutboxAsync();
        var second = await Portal.DrainOutboxAsync();

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        Assert.Equal(["counting", "flaky"], await HandledAsync(id));
    }

    [DbFact]
    public async Task Message_redelivered_after_lease_runs_no_handler_twice()
    {
        var id = Guid.NewGuid();
        await Portal.SendAsync(new RecordProbeCommand(id, "again"));
        await Portal.DrainOutboxAsync();

        await Portal.ExecuteAsync("update outbox_messages set processed_at = null");
        await Portal.DrainOutboxAsync();

        Assert.Equal(["counting", "flaky"], await HandledAsync(id));
    }

    [DbFact]
    public async Task Failing_handler_is_retried_later_without_rerunning_the_one_that_succeeded()
    {
        var id = Guid.NewGuid();
        var text = $"flaky-{Dialect}";
        ProbeModule.FailuresLeft[text] = 1;
        await Portal.SendAsync(new RecordProbeCommand(id, text));

        await Portal.DrainOutboxAsync();
        var afterFailure = await HandledAsync(id);
        Portal.Clock.Advance(TimeSpan.FromMinutes(5));
        await Portal.DrainOutboxAsync();

        Assert.Equal(["counting"], afterFailure);
        Assert.Equal(["counting", "flaky"], await HandledAsync(id));
        Assert.Equal(0L, (await Portal.QueryAsync<long>("select count(*) from outbox_messages where processed_at is null")).Single());
    }

    [DbFact]
    public async Task Command_that_fails_after_writing_leaves_neither_row_nor_event()
    {
        var id = Guid.NewGuid();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Portal.SendAsync(new RecordProbeCommand(id, "doomed", FailAfterWrite: true)));

        Assert.Equal(0L, (await Portal.QueryAsync<long>("select count(*) from testprobe_items")).Single());
        Assert.Equal(0L, (await Portal.QueryAsync<long>("select count(*) from outbox_messages")).Single());
    }

    [DbFact]
    public async Task Invalid_command_is_refused_by_the_validator_before_the_handler()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => Portal.SendAsync(new RecordProbeCommand(Guid.NewGuid(), "")));

        Assert.Contains(error.Errors, e => e.PropertyName == "Text");
        Assert.Equal(0L, (await Portal.QueryAsync<long>("select count(*) from testprobe_items")).Single());
    }

    private async Task<IReadOnlyList<string>> HandledAsync(Guid id) =>
        (await Portal.QueryAsync<string>("select handler from testprobe_handled where item_id = @Id order by handler", new { Id = id.ToString() })).ToList();
}

public sealed class OutboxTestsOnSqlite() : OutboxTests(SqlDialect.Sqlite);

public sealed class OutboxTestsOnPostgres() : OutboxTests(SqlDialect.Postgres), IPostgresTest;
