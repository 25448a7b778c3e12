using FluentValidation;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Jobsites.Contracts.Jobsites;

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
