using System.Net;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Http.Jobsites;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Jobsites.Contracts.Jobsites;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.IntegrationTests.Http.Backoffice;

public abstract class JobsitePagesBackofficeTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Finance_creates_a_jobsite_schedules_a_visit_in_the_accounts_zone_updates_it_and_adds_a_photo()
    {
        var account = await Factory.CreateAccountAsync("A-1", "Maple Court");
        await Factory.SendAsync(new UpdateAccountCommand(account, "Maple Court", "ap@maple.test", "America/Denver"));
        await Factory.AddStaffAsync("fin");
        var staff = await Factory.LoginAsync("fin");

        var created = await staff.PostFormAsync("/backoffice/jobsites?accountNumber=A-1", "Create",
            ("AccountNumber", "A-1"), ("Name", "North lawn"), ("Address", "1 Elm St"), ("Latitude", "39.74"), ("Longitude", "-104.99"));
        var jobsite = Assert.Single(await Factory.SendAsync(new GetJobsitesQuery(account))).JobsiteId;
        var page = $"/backoffice/jobsites/{jobsite}?account={account}";
        var scheduled = await staff.PostFormAsync(page, "Schedule", ("Start", "2026-03-10T08:00"), ("End", "2026-03-10T10:00"), ("Services", "Mowing\nEdging"));
        var visit = Assert.Single((await Factory.SendAsync(new GetJobsiteQuery(account, jobsite)))!.Visits);
        var updated = await staff.PostFormAsync(page, "Update", ("VisitId", visit.VisitId.ToString()), ("Status", "InProgress"),
            ("Services", "Mowing | Completed\nEdging | InProgress"), ("Materials", "Mulch | 2.5 | yd"), ("Notes", "Gate code 1234"));
        var photo = await staff.PostFileAsync(page, "Photo", "Photo", "lawn.png", JobsiteHttpBuilders.Png(), ("VisitId", visit.VisitId.ToString()), ("Caption", "Front lawn"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, photo.StatusCode);
        var after = Assert.Single((await Factory.SendAsync(new GetJobsiteQuery(account, jobsite)))!.Visits);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 14, 0, 0, TimeSpan.Zero), after.ScheduledStart); // MDT: DST began on March 8
        Assert.Equal(VisitStatus.InProgress, after.Status);
        Assert.Equal([new VisitServiceDto("Mowing", ServiceStatus.Completed), new VisitServiceDto("Edging", ServiceStatus.InProgress)], after.Services);
        Assert.Equal(new MaterialDto("Mulch", 2.5m, "yd"), Assert.Single(after.Materials));
        Assert.Equal("Front lawn", Assert.Single(after.Photos).Caption);
        var history = await staff.GetStringAsync($"/backoffice/accounts/{account}");
        foreach (var action in new[] { "jobsite.created", "visit.scheduled", "visit.updated", "visit.photo_added" })
            Assert.Contains(action, history);
    }

    [DbFact]
    public async Task A_bad_upload_or_bad_coordinates_change_nothing_and_another_accounts_jobsite_is_404()
    {
        var account = await Factory.CreateAccountAsync("A-1", "Maple Court");
        var other = await Factory.CreateAccountAsync("A-2", "Birch");
        var jobsite = await Factory.AJobsiteAsync(account);
        var visit = await Factory.AVisitAsync(jobsite, new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero), "Mowing");
        await Factory.AddStaffAsync("fin");
        var staff = await Factory.LoginAsync("fin");

        var gif = await staff.PostFileAsync($"/backoffice/jobsites/{jobsite}?account={account}", "Photo", "Photo", "x.gif", JobsiteHttpBuilders.Gif, ("VisitId", visit.ToString()));
        var badCoordinates = await staff.PostFormAsync("/backoffice/jobsites?accountNumber=A-1", "Create",
            ("AccountNumber", "A-1"), ("Name", "X"), ("Address", "Y"), ("Latitude", "north"), ("Longitude", "-1"));
        var wrongAccount = await staff.GetAsync($"/backoffice/jobsites/{jobsite}?account={other}");

        Assert.Equal(HttpStatusCode.OK, gif.StatusCode);
        Assert.Empty(Assert.Single((await Factory.SendAsync(new GetJobsiteQuery(account, jobsite)))!.Visits).Photos);
        Assert.Contains("decimal degrees", await badCoordinates.Content.ReadAsStringAsync());
        Assert.Single(await Factory.SendAsync(new GetJobsitesQuery(account)));
        Assert.Equal(HttpStatusCode.NotFound, wrongAccount.StatusCode);
    }
}

public sealed class JobsitePagesBackofficeTestsOnSqlite() : JobsitePagesBackofficeTests(SqlDialect.Sqlite);

public sealed class JobsitePagesBackofficeTestsOnPostgres() : JobsitePagesBackofficeTests(SqlDialect.Postgres), IPostgresTest;
