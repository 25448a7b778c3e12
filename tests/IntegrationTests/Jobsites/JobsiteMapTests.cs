using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Jobsites.Contracts.Jobsites;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.IntegrationTests.Jobsites;

public abstract class JobsiteMapTests(SqlDialect dialect) : IntegrationTest(dialect)
{
    private DateTimeOffset Now => Portal.Clock.GetUtcNow();

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

}

public sealed class JobsiteMapTestsOnSqlite() : JobsiteMapTests(SqlDialect.Sqlite);

public sealed class JobsiteMapTestsOnPostgres() : JobsiteMapTests(SqlDialect.Postgres), IPostgresTest;
