using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;

namespace Portal.IntegrationTests.Http.Jobsites;

public abstract class BackofficeJobsitesHttpTests(SqlDialect dialect) : JobsitesHttpTest(dialect)
{
    [DbFact]
    public async Task Finance_adds_a_jobsite_schedules_and_updates_a_visit_that_the_customer_then_sees()
    {
        var (account, finance) = await AnAccountAndFinanceAsync();

        var created = await finance.PostAsJsonAsync("/api/backoffice/jobsites",
            new { accountId = account, name = "Maple Court", address = "9 Maple Ct", latitude = 41.5, longitude = -87.6 });
        var jobsite = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobsiteId").GetGuid();
        var scheduled = await finance.PostAsJsonAsync($"/api/backoffice/jobsites/{jobsite}/visits", new
        {
            scheduledStart = "2026-03-03T14:00:00Z", scheduledEnd = "2026-03-03T16:30:00Z", services = new[] { new { name = "Mowing" }, new { name = "Edging" } },
        });
        var visit = (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("visitId").GetGuid();
        var updated = await finance.PutAsJsonAsync($"/api/backoffice/visits/{visit}", new
        {
            status = "in_progress",
            services = new[] { new { name = "Mowing", status = "completed" }, new { name = "Edging", status = "in_progress" } },
            materials = new[] { new { name = "Fertilizer", quantity = 1.5m, unit = "bag" } },
            notes = "Back gate was locked",
        });
        await Factory.AddMemberAsync(account, "bobby", AccountRole.Basic);
        var view = await (await Factory.LoginAsync("bobby")).GetFromJsonAsync<JsonElement>($"/api/accounts/{account}/jobsites/{jobsite}");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.NoContent), (created.StatusCode, scheduled.StatusCode, updated.StatusCode));
        Assert.Equal(("Maple Court", "9 Maple Ct", 41.5, -87.6), (view.GetProperty("name").GetString(), view.GetProperty("address").GetString(),
            view.GetProperty("latitude").GetDouble(), view.GetProperty("longitude").GetDouble()));
        var seen = view.GetProperty("visits")[0];
        Assert.Equal(("in_progress", "Back gate was locked"), (seen.GetProperty("status").GetString(), seen.GetProperty("notes").GetString()));
        Assert.Equal(["Mowing:completed", "Edging:in_progress"],
            seen.GetProperty("services").EnumerateArray().Select(s => $"{s.GetProperty("name").GetString()}:{s.GetProperty("status").GetString()}"));
        Assert.Equal("bag", seen.GetProperty("materials")[0].GetProperty("unit").GetString());
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 16, 30, 0, TimeSpan.Zero), seen.GetProperty("scheduledEnd").GetDateTimeOffset());
    }

    [DbFact]
    public async Task Jobsite_for_an_unknown_account_is_404_and_a_bad_latitude_is_400()
    {
        var (account, finance) = await AnAccountAndFinanceAsync();

        var unknown = await finance.PostAsJsonAsync("/api/backoffice/jobsites", new { accountId = Guid.NewGuid(), name = "X", address = "Y", latitude = 1, longitude = 1 });
        var badLatitude = await finance.PostAsJsonAsync("/api/backoffice/jobsites", new { accountId = account, name = "X", address = "Y", latitude = 91, longitude = 1 });
        var missing = await finance.PostAsJsonAsync("/api/backoffice/jobsites", new { accountId = account, name = "X", address = "Y" });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLatitude.StatusCode);
        Assert.True((await badLatitude.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("latitude", out _));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [DbFact]
    public async Task Visit_with_end_before_start_or_no_times_is_400_and_for_an_unknown_jobsite_404()
    {
        var (account, finance) = await AnAccountAndFinanceAsync();
        var jobsite = await Factory.AJobsiteAsync(account);

        var backwards = await finance.PostAsJsonAsync($"/api/backoffice/jobsites/{jobsite}/visits",
            new { scheduledStart = "2026-03-03T14:00:00Z", scheduledEnd = "2026-03-03T13:00:00Z", services = new[] { new { name = "Mowing" } } });
        var noTimes = await finance.PostAsJsonAsync($"/api/backoffice/jobsites/{jobsite}/visits", new { services = new[] { new { name = "Mowing" } } });
        var unknown = await finance.PostAsJsonAsync($"/api/backoffice/jobsites/{Guid.NewGuid()}/visits",
            new { scheduledStart = "2026-03-03T14:00:00Z", scheduledEnd = "2026-03-03T15:00:00Z", services = new[] { new { name = "Mowing" } } });

        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noTimes.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [DbFact]
    public async Task Update_visit_with_missing_or_invalid_fields_is_a_400_problem()
    {
        var (account, finance) = await AnAccountAndFinanceAsync();
        var visit = await Factory.AVisitAsync(await Factory.AJobsiteAsync(account), Factory.Clock.GetUtcNow(), "Mowing");
        string[] bodies =
        [
            """{"status":"done","services":[],"materials":[]}""",
            """{"status":"planned","services":[{"name":"Mowing","status":"finished"}],"materials":[]}""",
            """{"status":"planned","services":[],"materials":[{"name":"Mulch","quantity":"lots","unit":"yd"}]}""",
            """{"status":"planned","services":[],"materials":[{"name":"Mulch","quantity":0,"unit":"yd"}]}""",
            """{"services":[],"materials":[]}""",
            """{"status":"planned"}""",
            """{"status":"planned",""",
            "",
        ];

        var answers = new List<string>();
        foreach (var body in bodies)
        {
            var response = await finance.PutAsync($"/api/backoffice/visits/{visit}", new StringContent(body, Encoding.UTF8, "application/json"));
            answers.Add($"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} for {body}");
        }

        Assert.Equal(bodies.Select(b => $"400 application/problem+json for {b}"), answers);
    }

    [DbFact]
    public async Task Update_of_an_unknown_visit_is_404()
    {
        var (_, finance) = await AnAccountAndFinanceAsync();

        var response = await finance.PutAsJsonAsync($"/api/backoffice/visits/{Guid.NewGuid()}", new { status = "completed", services = Array.Empty<object>(), materials = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<(Guid Account, HttpClient Finance)> AnAccountAndFinanceAsync()
    {
        var account = await Factory.CreateAccountAsync("A-1");
        await Factory.AddStaffAsync("fin");
        return (account, await Factory.LoginAsync("fin"));
    }
}

public sealed class BackofficeJobsitesHttpTestsOnSqlite() : BackofficeJobsitesHttpTests(SqlDialect.Sqlite);

public sealed class BackofficeJobsitesHttpTestsOnPostgres() : BackofficeJobsitesHttpTests(SqlDialect.Postgres), IPostgresTest;
