using FluentValidation;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Jobsites.Contracts.Jobsites;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.IntegrationTests.Jobsites;

public abstract class JobsiteTests(SqlDialect dialect) : IntegrationTest(dialect)
{
    private DateTimeOffset Now => Portal.Clock.GetUtcNow();

    [DbFact]
    public async Task CreateJobsite_then_GetJobsite_returns_it_without_visits()
    {
        var accountId = await Portal.AnAccountAsync();

        var id = await Portal.SendAsync(new CreateJobsiteCommand(accountId, " Greenway Park ", "12 Elm Road", 45.5231, -122.6765));

        var jobsite = await Portal.SendAsync(new GetJobsiteQuery(accountId, id));
        Assert.NotNull(jobsite);
        Assert.Equal((id, accountId, "Greenway Park", "12 Elm Road", 45.5231, -122.6765),
            (jobsite.JobsiteId, jobsite.AccountId, jobsite.Name, jobsite.Address, jobsite.Latitude, jobsite.Longitude));
        Assert.Empty(jobsite.Visits);
    }

    [DbFact]
    public async Task CreateJobsite_for_unknown_account_is_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(() =>
            Portal.SendAsync(new CreateJobsiteCommand(Guid.NewGuid(), "Nowhere", "1 Road", 10, 10)));
    }

    [DbFact]
    public async Task CreateJobsite_with_coordinates_out_of_range_is_invalid()
    {
        var accountId = await Portal.AnAccountAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            Portal.SendAsync(new CreateJobsiteCommand(accountId, "Pole", "North", 90.5, -180.5)));

        Assert.Contains(error.Errors, e => e.PropertyName == "Latitude" && e.ErrorMessage == "Latitude must be between -90 and 90 degrees.");
        Assert.Contains(error.Errors, e => e.PropertyName == "Longitude" && e.ErrorMessage == "Longitude must be between -180 and 180 degrees.");
    }

    [DbFact]
    public async Task GetJobsite_of_another_account_is_null()
    {
        var owner = await Portal.AnAccountAsync("A-1");
        var other = await Portal.AnAccountAsync("A-2");
        var jobsiteId = await Portal.AJobsiteAsync(owner);

        Assert.Null(await Portal.SendAsync(new GetJobsiteQuery(other, jobsiteId)));
    }

    [DbFact]
    public async Task GetJobsites_lists_only_the_accounts_jobsites_by_name()
    {
        var accountId = await Portal.AnAccountAsync("A-1");
        var other = await Portal.AnAccountAsync("A-2");
        var pine = await Portal.AJobsiteAsync(accountId, "Pine Court");
        var elm = await Portal.AJobsiteAsync(accountId, "Elm Road");
        await Portal.AJobsiteAsync(other, "Other Place");

        var jobsites = await Portal.SendAsync(new GetJobsitesQuery(accountId));

        Assert.Equal([elm, pine], jobsites.Select(j => j.JobsiteId));
        Assert.All(jobsites, j => Assert.Equal((null, false, false), (j.LatestVisit, j.InProgress, j.CompletedThisWeek)));
    }

    [DbFact]
    public async Task GetJobsites_latest_visit_is_the_last_one_due_to_start()
    {
        var accountId = await Portal.AnAccountAsync();
        var jobsiteId = await Portal.AJobsiteAsync(accountId);
        await Portal.AVisitAsync(jobsiteId, Now.AddDays(-10), "Mowing");
        var recent = await Portal.AVisitAsync(jobsiteId, Now.AddDays(-2), "Edging", "Mulching");
        await Portal.AVisitAsync(jobsiteId, Now.AddDays(5), "Mowing");

        var latest = (await Portal.SendAsync(new GetJobsitesQuery(accountId))).Single().LatestVisit;

        Assert.Equal(recent, latest!.VisitId);
        Assert.Equal(VisitStatus.Planned, latest.Status);
        Assert.Equal(["Edging", "Mulching"], latest.Services.Select(s => s.Name));
    }

    [DbFact]
    public async Task GetJobsites_latest_visit_with_only_future_visits_is_the_next_one()
    {
        var accountId = await Portal.AnAccountAsync();
        var jobsiteId = await Portal.AJobsiteAsync(accountId);
        await Portal.AVisitAsync(jobsiteId, Now.AddDays(9));
        var next = await Portal.AVisitAsync(jobsiteId, Now.AddDays(3));

        var latest = (await Portal.SendAsync(new GetJobsitesQuery(accountId))).Single().LatestVisit;

        Assert.Equal(next, latest!.VisitId);
    }

    [DbFact]
    public async Task GetJobsites_latest_visit_prefers_a_visit_in_progress()
    {
        var accountId = await Portal.AnAccountAsync();
        var jobsiteId = await Portal.AJobsiteAsync(accountId);
        var started = await Portal.AVisitAsync(jobsiteId, Now.AddDays(-3));
        await Portal.AVisitAsync(jobsiteId, Now.AddHours(-1));
        await Portal.SetStatusAsync(started, VisitStatus.InProgress);

        var latest = (await Portal.SendAsync(new GetJobsitesQuery(accountId))).Single().LatestVisit;

        Assert.Equal((started, VisitStatus.InProgress), (latest!.VisitId, latest.Status));
    }

    [DbFact]
    public async Task GetJobsites_in_progress_flag_is_on_only_while_a_visit_is_in_progress()
    {
        var accountId = await Portal.AnAccountAsync();
        var jobsiteId = await Portal.AJobsiteAsync(accountId);
        var visitId = await Portal.AVisitAsync(jobsiteId, Now);

        await Portal.SetStatusAsync(visitId, VisitStatus.InProgress);
        var during = (await Portal.SendAsync(new GetJobsitesQuery(accountId))).Single();
        await Portal.SetStatusAsync(visitId, VisitStatus.Completed);
        var after = (await Portal.SendAsync(new GetJobsitesQuery(accountId))).Single();

        Assert.True(during.InProgress);
        Assert.False(after.InProgress);
    }

    [DbFact]
    public async Task GetJobsites_completed_this_week_flag_ends_seven_days_after_completion()
    {
        var accountId = await Portal.AnAccountAsync();
        var jobsiteId = await Portal.AJobsiteAsync(accountId);
        var visitId = await Portal.AVisitAsync(jobsiteId, Now.AddHours(-3));
        await Portal.SetStatusAsync(visitId, VisitStatus.Completed);

        Portal.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        var lastMoment = (await Portal.SendAsync(new GetJobsitesQuery(accountId))).Single();
        Portal.Clock.Advance(TimeSpan.FromSeconds(2));
        var afterwards = (await Portal.SendAsync(new GetJobsitesQuery(accountId))).Single();

        Assert.True(lastMoment.CompletedThisWeek);
        Assert.False(afterwards.CompletedThisWeek);
    }

    [DbFact]
    public async Task GetJobsites_completed_this_week_ignores_a_cancelled_visit()
    {
        var accountId = await Portal.AnAccountAsync();
        var jobsiteId = await Portal.AJobsiteAsync(accountId);
        var visitId = await Portal.AVisitAsync(jobsiteId, Now);

        await Portal.SetStatusAsync(visitId, VisitStatus.Cancelled);

        var jobsite = (await Portal.SendAsync(new GetJobsitesQuery(accountId))).Single();
        Assert.Equal((false, false, VisitStatus.Cancelled), (jobsite.InProgress, jobsite.CompletedThisWeek, jobsite.LatestVisit!.Status));
    }

    [DbFact]
    public async Task GetJobsites_with_visits_in_every_state_shows_the_one_in_progress_and_both_flags()
    {
        var accountId = await Portal.AnAccountAsync();
        var jobsiteId = await Portal.AJobsiteAsync(accountId);
        var cancelled = await Portal.AVisitAsync(jobsiteId, Now.AddDays(-4), "Aeration");
        var completed = await Portal.AVisitAsync(jobsiteId, Now.AddDays(-2), "Mowing");
        var inProgress = await Portal.AVisitAsync(jobsiteId, Now.AddHours(-1), "Pruning");
        var planned = await Portal.AVisitAsync(jobsiteId, Now.AddDays(5), "Mowing");
        await Portal.SetStatusAsync(cancelled, VisitStatus.Cancelled);
        await Portal.SetStatusAsync(completed, VisitStatus.Completed);
        await Portal.SetStatusAsync(inProgress, VisitStatus.InProgress);

        var pin = (await Portal.SendAsync(new GetJobsitesQuery(accountId))).Single();
        var jobsite = await Portal.SendAsync(new GetJobsiteQuery(accountId, jobsiteId));

        Assert.Equal((inProgress, true, true), (pin.LatestVisit!.VisitId, pin.InProgress, pin.CompletedThisWeek));
        Assert.Equal(
            [(planned, VisitStatus.Planned), (inProgress, VisitStatus.InProgress), (completed, VisitStatus.Completed), (cancelled, VisitStatus.Cancelled)],
            jobsite!.Visits.Select(v => (v.VisitId, v.Status)));
    }

    [DbFact]
    public async Task GetJobsite_lists_visits_newest_first()
    {
        var accountId = await Portal.AnAccountAsync();
        var jobsiteId = await Portal.AJobsiteAsync(accountId);
        var middle = await Portal.AVisitAsync(jobsiteId, Now);
        var newest = await Portal.AVisitAsync(jobsiteId, Now.AddDays(7));
        var oldest = await Portal.AVisitAsync(jobsiteId, Now.AddDays(-7));

        var jobsite = await Portal.SendAsync(new GetJobsiteQuery(accountId, jobsiteId));

        Assert.Equal([newest, middle, oldest], jobsite!.Visits.Select(v => v.VisitId));
    }
}

public sealed class JobsiteTestsOnSqlite() : JobsiteTests(SqlDialect.Sqlite);

public sealed class JobsiteTestsOnPostgres() : JobsiteTests(SqlDialect.Postgres), IPostgresTest;
