using FluentValidation;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.IntegrationTests.Jobsites;

public abstract class TimelineTests(SqlDialect dialect) : IntegrationTest(dialect)
{
    private DateTimeOffset Now => Portal.Clock.GetUtcNow();

    [DbFact]
    public async Task GetVisits_by_default_lists_the_next_30_days_of_every_jobsite_by_start()
    {
        var accountId = await Portal.AnAccountAsync("A-1");
        var oak = await Portal.AJobsiteAsync(accountId, "Oak Street");
        var elm = await Portal.AJobsiteAsync(accountId, "Elm Road");
        var other = await Portal.AJobsiteAsync(await Portal.AnAccountAsync("A-2"), "Elsewhere");
        var today = new DateTimeOffset(Portal.Clock.Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var third = await Portal.AVisitAsync(oak, today.AddDays(30).AddHours(23), "Mowing");
        var first = await Portal.AVisitAsync(elm, today, "Pruning");
        var second = await Portal.AVisitAsync(oak, today.AddDays(2));
        await Portal.AVisitAsync(oak, today.AddSeconds(-1));
        await Portal.AVisitAsync(elm, today.AddDays(31));
        await Portal.AVisitAsync(other, today.AddDays(1));

        var timeline = await Portal.SendAsync(new GetVisitsQuery(accountId));

        Assert.Equal([first, second, third], timeline.Select(v => v.VisitId));
        Assert.Equal([(elm, "Elm Road"), (oak, "Oak Street"), (oak, "Oak Street")], timeline.Select(v => (v.JobsiteId, v.JobsiteName)));
        Assert.Equal(["Pruning"], timeline[0].Services.Select(s => s.Name));
    }

    [DbFact]
    public async Task GetVisits_from_and_to_include_both_whole_days()
    {
        var accountId = await Portal.AnAccountAsync();
        var jobsiteId = await Portal.AJobsiteAsync(accountId);
        var day = new DateOnly(2026, 5, 10);
        var morning = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await Portal.AVisitAsync(jobsiteId, morning.AddMinutes(-1));
        var inside = await Portal.AVisitAsync(jobsiteId, morning);
        var lastDay = await Portal.AVisitAsync(jobsiteId, morning.AddDays(2).AddHours(23).AddMinutes(59));
        await Portal.AVisitAsync(jobsiteId, morning.AddDays(3));

        var timeline = await Portal.SendAsync(new GetVisitsQuery(accountId, day, day.AddDays(2)));

        Assert.Equal([inside, lastDay], timeline.Select(v => v.VisitId));
    }

    [DbFact]
    public async Task GetVisits_with_to_before_from_is_invalid()
    {
        var accountId = await Portal.AnAccountAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            Portal.SendAsync(new GetVisitsQuery(accountId, new DateOnly(2026, 5, 10), new DateOnly(2026, 5, 9))));

        Assert.Contains(error.Errors, e => e.PropertyName == "To");
    }

    [DbFact]
    public async Task GetVisitOwner_returns_the_visits_account_and_jobsite()
    {
        var accountId = await Portal.AnAccountAsync();
        var jobsiteId = await Portal.AJobsiteAsync(accountId);
        var visitId = await Portal.AVisitAsync(jobsiteId, Now);

        var owner = await Portal.SendAsync(new GetVisitOwnerQuery(visitId));

        Assert.Equal(new VisitOwnerDto(visitId, jobsiteId, accountId), owner);
        Assert.Null(await Portal.SendAsync(new GetVisitOwnerQuery(Guid.NewGuid())));
    }
}

public sealed class TimelineTestsOnSqlite() : TimelineTests(SqlDialect.Sqlite);

public sealed class TimelineTestsOnPostgres() : TimelineTests(SqlDialect.Postgres), IPostgresTest;
