using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Jobsites.Contracts.Jobsites;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.IntegrationTests.Http.Jobsites;

public abstract class JobsitesHttpTests(SqlDialect dialect) : JobsitesHttpTest(dialect)
{
    [DbFact]
    public async Task Jobsites_list_shows_each_jobsite_with_its_latest_visit_and_flags()
    {
        var (account, client) = await AMemberAsync(AccountRole.Basic);
        var oak = await Factory.AJobsiteAsync(account, "Oak Street", 39.78, -89.65);
        await Factory.AJobsiteAsync(account, "Elm Court", 40.1, -88.2);
        var visit = await Factory.AVisitAsync(oak, Factory.Clock.GetUtcNow().AddHours(-1), "Mowing");
        await Factory.UpdateAsync(visit, VisitStatus.InProgress, new VisitServiceDto("Mowing", ServiceStatus.InProgress));

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/accounts/{account}/jobsites");

        Assert.Equal(["Elm Court", "Oak Street"], list.EnumerateArray().Select(j => j.GetProperty("name").GetString()));
        var pin = list[1];
        Assert.Equal(oak, pin.GetProperty("jobsiteId").GetGuid());
        Assert.Equal(("1 Oak Street, Springfield", 39.78, -89.65), (pin.GetProperty("address").GetString(), pin.GetProperty("latitude").GetDouble(), pin.GetProperty("longitude").GetDouble()));
        Assert.Equal("in_progress", pin.GetProperty("latestVisit").GetProperty("status").GetString());
        Assert.Equal("in_progress", pin.GetProperty("latestVisit").GetProperty("services")[0].GetProperty("status").GetString());
        Assert.True(pin.GetProperty("inProgress").GetBoolean());
        Assert.Equal(JsonValueKind.Null, list[0].GetProperty("latestVisit").ValueKind);
    }

    [DbFact]
    public async Task Jobsite_full_view_has_visits_newest_first_with_materials_notes_and_photo_urls()
    {
        var (account, client) = await AMemberAsync(AccountRole.Basic);
        var jobsite = await Factory.AJobsiteAsync(account);
        var now = Factory.Clock.GetUtcNow();
        var older = await Factory.AVisitAsync(jobsite, now.AddDays(-7), "Mowing");
        var newer = await Factory.AVisitAsync(jobsite, now.AddDays(2), "Pruning");
        await Factory.SendAsync(new UpdateVisitCommand(older, VisitStatus.Completed,
            [new VisitServiceDto("Mowing", ServiceStatus.Completed)], [new MaterialDto("Mulch", 2.5m, "yd")], "Gate code 1234"));
        var photo = await Factory.APhotoAsync(older, JobsiteHttpBuilders.Png(), "After");

        var view = await client.GetFromJsonAsync<JsonElement>($"/api/accounts/{account}/jobsites/{jobsite}");

        var visits = view.GetProperty("visits");
        Assert.Equal([newer, older], visits.EnumerateArray().Select(v => v.GetProperty("visitId").GetGuid()));
        var done = visits[1];
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(("Mulch", 2.5m, "yd"), (done.GetProperty("materials")[0].GetProperty("name").GetString(),
            done.GetProperty("materials")[0].GetProperty("quantity").GetDecimal(), done.GetProperty("materials")[0].GetProperty("unit").GetString()));
        Assert.Equal("Gate code 1234", done.GetProperty("notes").GetString());
        Assert.Equal(now.AddDays(-7), done.GetProperty("scheduledStart").GetDateTimeOffset());
        var picture = done.GetProperty("photos")[0];
        Assert.Equal((photo, "After", $"/api/accounts/{account}/photos/{photo}"),
            (picture.GetProperty("photoId").GetGuid(), picture.GetProperty("caption").GetString(), picture.GetProperty("url").GetString()));
        Assert.Equal("planned", visits[0].GetProperty("services")[0].GetProperty("status").GetString());
    }

    [DbFact]
    public async Task Jobsite_of_another_account_is_404_even_for_an_admin_of_that_other_account()
    {
        var (account, _) = await AMemberAsync(AccountRole.Admin);
        var other = await Factory.CreateAccountAsync("A-2", "Oak Offices");
        await Factory.AddMemberAsync(other, "stranger", AccountRole.Admin);
        var stranger = await Factory.LoginAsync("stranger");
        var jobsite = await Factory.AJobsiteAsync(account);

        var viaOwnAccount = await stranger.GetAsync($"/api/accounts/{other}/jobsites/{jobsite}");
        var unknown = await stranger.GetAsync($"/api/accounts/{other}/jobsites/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, viaOwnAccount.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty(await stranger.GetFromJsonAsync<JsonElement[]>($"/api/accounts/{other}/jobsites") ?? []);
    }

    [DbFact]
    public async Task Visits_timeline_lists_every_jobsites_visits_by_start_between_from_and_to()
    {
        var (account, client) = await AMemberAsync(AccountRole.Basic);
        var oak = await Factory.AJobsiteAsync(account, "Oak Street");
        var elm = await Factory.AJobsiteAsync(account, "Elm Court");
        var day = new DateTimeOffset(2026, 3, 10, 13, 0, 0, TimeSpan.Zero);
        var second = await Factory.AVisitAsync(oak, day.AddHours(3), "Mowing");
        var first = await Factory.AVisitAsync(elm, day, "Pruning");
        var third = await Factory.AVisitAsync(oak, day.AddDays(1), "Edging");
        await Factory.AVisitAsync(elm, day.AddDays(5), "Too late");

        var timeline = await client.GetFromJsonAsync<JsonElement>($"/api/accounts/{account}/visits?from=2026-03-10&to=2026-03-11");

        Assert.Equal([first, second, third], timeline.EnumerateArray().Select(v => v.GetProperty("visitId").GetGuid()));
        Assert.Equal(["Elm Court", "Oak Street", "Oak Street"], timeline.EnumerateArray().Select(v => v.GetProperty("jobsiteName").GetString()));
        Assert.Equal("Pruning", timeline[0].GetProperty("services")[0].GetProperty("name").GetString());
    }

    [DbFact]
    public async Task Visits_with_a_bad_date_or_to_before_from_is_400()
    {
        var (account, client) = await AMemberAsync(AccountRole.Basic);

        var badFormat = await client.GetAsync($"/api/accounts/{account}/visits?from=03/10/2026");
        var backwards = await client.GetAsync($"/api/accounts/{account}/visits?from=2026-03-10&to=2026-03-01");

        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal("application/problem+json", backwards.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(Guid Account, HttpClient Client)> AMemberAsync(AccountRole role)
    {
        var account = await Factory.CreateAccountAsync("A-1");
        await Factory.AddMemberAsync(account, "member", role);
        return (account, await Factory.LoginAsync("member"));
    }
}

public sealed class JobsitesHttpTestsOnSqlite() : JobsitesHttpTests(SqlDialect.Sqlite);

public sealed class JobsitesHttpTestsOnPostgres() : JobsitesHttpTests(SqlDialect.Postgres), IPostgresTest;
