using FluentValidation;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.IntegrationTests.Jobsites;

public abstract class VisitTests(SqlDialect dialect) : IntegrationTest(dialect)
{
    private DateTimeOffset Now => Portal.Clock.GetUtcNow();

    [DbFact]
    public async Task ScheduleVisit_plans_the_visit_and_every_service()
    {
        var accountId = await Portal.AnAccountAsync();
        var jobsiteId = await Portal.AJobsiteAsync(accountId);
        var start = new DateTimeOffset(2026, 3, 4, 8, 30, 0, TimeSpan.FromHours(-5));

        var visitId = await Portal.SendAsync(new ScheduleVisitCommand(jobsiteId, start, start.AddHours(3), [new("Mowing"), new("Hedge trimming")]));

        var visit = await Portal.VisitAsync(accountId, jobsiteId, visitId);
        Assert.Equal((start, start.AddHours(3), VisitStatus.Planned), (visit.ScheduledStart, visit.ScheduledEnd, visit.Status));
        Assert.Equal(TimeSpan.Zero, visit.ScheduledStart.Offset);
        Assert.Equal([new VisitServiceDto("Mowing", ServiceStatus.Planned), new VisitServiceDto("Hedge trimming", ServiceStatus.Planned)], visit.Services);
        Assert.Empty(visit.Materials);
        Assert.Null(visit.Notes);
        Assert.Null(visit.StartedAt);
        Assert.Null(visit.CompletedAt);
    }

    [DbFact]
    public async Task ScheduleVisit_for_unknown_jobsite_is_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Portal.AVisitAsync(Guid.NewGuid(), Now));
    }

    [DbFact]
    public async Task ScheduleVisit_with_end_not_after_start_is_invalid()
    {
        var jobsiteId = await Portal.AJobsiteAsync(await Portal.AnAccountAsync());

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            Portal.SendAsync(new ScheduleVisitCommand(jobsiteId, Now, Now, [new("Mowing")])));

        Assert.Contains(error.Errors, e => e.PropertyName == "ScheduledEnd" && e.ErrorMessage == "Scheduled end must be after the scheduled start.");
    }

    [DbFact]
    public async Task ScheduleVisit_without_a_services_list_is_invalid()
    {
        var jobsiteId = await Portal.AJobsiteAsync(await Portal.AnAccountAsync());

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            Portal.SendAsync(new ScheduleVisitCommand(jobsiteId, Now, Now.AddHours(1), null!)));

        Assert.Equal(["Services"], error.Errors.Select(e => e.PropertyName));
    }

    [DbFact]
    public async Task UpdateVisit_replaces_status_services_materials_and_notes()
    {
        var accountId = await Portal.AnAccountAsync();
        var jobsiteId = await Portal.AJobsiteAsync(accountId);
        var visitId = await Portal.AVisitAsync(jobsiteId, Now, "Mowing", "Mulching");

        await Portal.SendAsync(new UpdateVisitCommand(visitId, VisitStatus.InProgress,
            [new("Mowing", ServiceStatus.Completed), new("Mulching", ServiceStatus.InProgress), new("Weeding", ServiceStatus.Planned)],
            [new("Mulch", 2.5m, "yd"), new("Fertilizer", 0.125m, "bag")],
            "Gate code 1234."));

        var visit = await Portal.VisitAsync(accountId, jobsiteId, visitId);
        Assert.Equal(VisitStatus.InProgress, visit.Status);
        Assert.Equal(
            [new VisitServiceDto("Mowing", ServiceStatus.Completed), new VisitServiceDto("Mulching", ServiceStatus.InProgress), new VisitServiceDto("Weeding", ServiceStatus.Planned)],
            visit.Services);
        Assert.Equal([new MaterialDto("Mulch", 2.5m, "yd"), new MaterialDto("Fertilizer", 0.125m, "bag")], visit.Materials);
        Assert.Equal("Gate code 1234.", visit.Notes);
    }

    [DbFact]
    public async Task UpdateVisit_to_in_progress_records_started_at_from_the_clock()
    {
        var accountId = await Portal.AnAccountAsync();
        var jobsiteId = await Portal.AJobsiteAsync(accountId);
        var visitId = await Portal.AVisitAsync(jobsiteId, Now);
        Portal.Clock.Advance(TimeSpan.FromMinutes(10));

        await Portal.SetStatusAsync(visitId, VisitStatus.InProgress);

        var visit = await Portal.VisitAsync(accountId, jobsiteId, visitId);
        Assert.Equal(Now, visit.StartedAt);
        Assert.Null(visit.CompletedAt);
    }

    [DbFact]
    public async Task UpdateVisit_to_completed_records_completed_at_and_keeps_started_at()
    {
        var accountId = await Portal.AnAccountAsync();
        var jobsiteId = await Portal.AJobsiteAsync(accountId);
        var visitId = await Portal.AVisitAsync(jobsiteId, Now);
        await Portal.SetStatusAsync(visitId, VisitStatus.InProgress);
        var startedAt = Now;
        Portal.Clock.Advance(TimeSpan.FromHours(2));

        await Portal.SetStatusAsync(visitId, VisitStatus.Completed);

        var visit = await Portal.VisitAsync(accountId, jobsiteId, visitId);
        Assert.Equal((startedAt, Now), (visit.StartedAt, visit.CompletedAt));
    }

    [DbFact]
    public async Task UpdateVisit_with_the_same_status_keeps_completed_at()
    {
        var accountId = await Portal.AnAccountAsync();
        var jobsiteId = await Portal.AJobsiteAsync(accountId);
        var visitId = await Portal.AVisitAsync(jobsiteId, Now);
        await Portal.SetStatusAsync(visitId, VisitStatus.Completed);
        var completedAt = Now;
        Portal.Clock.Advance(TimeSpan.FromDays(3));

        await Portal.SendAsync(new UpdateVisitCommand(visitId, VisitStatus.Completed, [], [], "Added a note later."));

        var visit = await Portal.VisitAsync(accountId, jobsiteId, visitId);
        Assert.Equal(completedAt, visit.CompletedAt);
    }

    [DbFact]
    public async Task UpdateVisit_for_unknown_visit_is_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Portal.SetStatusAsync(Guid.NewGuid(), VisitStatus.Completed));
    }

    [DbFact]
    public async Task UpdateVisit_with_unknown_status_and_bad_material_is_invalid()
    {
        var visitId = await Portal.AVisitAsync(await Portal.AJobsiteAsync(await Portal.AnAccountAsync()), Now);

        var error = await Assert.ThrowsAsync<ValidationException>(() => Portal.SendAsync(new UpdateVisitCommand(
            visitId, (VisitStatus)0, [new("Mowing", (ServiceStatus)9)], [new("Mulch", 0m, "")], null)));

        Assert.Equal(
            ["Materials[0].Quantity", "Materials[0].Unit", "Services[0].Status", "Status"],
            error.Errors.Select(e => e.PropertyName).Order());
    }

    [DbFact]
    public async Task UpdateVisit_without_services_or_materials_lists_is_invalid()
    {
        var visitId = await Portal.AVisitAsync(await Portal.AJobsiteAsync(await Portal.AnAccountAsync()), Now);

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            Portal.SendAsync(new UpdateVisitCommand(visitId, VisitStatus.Completed, null!, null!, null)));

        Assert.Equal(["Materials", "Services"], error.Errors.Select(e => e.PropertyName).Order());
    }

}

public sealed class VisitTestsOnSqlite() : VisitTests(SqlDialect.Sqlite);

public sealed class VisitTestsOnPostgres() : VisitTests(SqlDialect.Postgres), IPostgresTest;
