using System.Text;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;

namespace Portal.IntegrationTests.Http.Jobsites;

/// <summary>For each Jobsites route, each kind of caller gets the status API.md promises.</summary>
public abstract class JobsitesRoleMatrixHttpTests(SqlDialect dialect) : JobsitesHttpTest(dialect)
{
    private static readonly string[] Callers = ["anonymous", "basic", "accounting", "admin", "otherAdmin", "finance"];

    [DbFact]
    public async Task Every_jobsites_route_answers_each_caller_as_the_contract_says()
    {
        var account = await Factory.CreateAccountAsync("A-1");
        var other = await Factory.CreateAccountAsync("A-2");
        await Factory.AddMemberAsync(account, "admin", AccountRole.Admin);
        await Factory.AddMemberAsync(account, "basic", AccountRole.Basic);
        await Factory.AddMemberAsync(account, "accounting", AccountRole.Accounting);
        await Factory.AddMemberAsync(other, "otherAdmin", AccountRole.Admin);
        await Factory.AddStaffAsync("finance");
        var jobsite = await Factory.AJobsiteAsync(account);
        var visit = await Factory.AVisitAsync(jobsite, Factory.Clock.GetUtcNow().AddDays(1), "Mowing");
        var photo = await Factory.APhotoAsync(visit, JobsiteHttpBuilders.Png());
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = Factory.Anonymous() };
        foreach (var caller in Callers.Skip(1))
            clients[caller] = await Factory.LoginAsync(caller);

        // Expected status per caller, in the order of Callers. Back-office bodies are valid, so finance gets a 2xx.
        var routes = new (string Method, string Path, Func<HttpContent?> Body, int[] Expected)[]
        {
            ("GET", $"/api/accounts/{account}/jobsites", None, [401, 200, 200, 200, 404, 404]),
            ("GET", $"/api/accounts/{account}/jobsites/{jobsite}", None, [401, 200, 200, 200, 404, 404]),
            ("GET", $"/api/accounts/{account}/visits", None, [401, 200, 200, 200, 404, 404]),
            ("GET", $"/api/accounts/{account}/photos/{photo}", None, [401, 200, 200, 200, 404, 404]),
            ("POST", "/api/backoffice/jobsites", Json($$"""{"accountId":"{{account}}","name":"Elm","address":"2 Elm St","latitude":40.1,"longitude":-88.2}"""),
                [401, 403, 403, 403, 403, 201]),
            ("POST", $"/api/backoffice/jobsites/{jobsite}/visits",
                Json("""{"scheduledStart":"2026-03-05T14:00:00Z","scheduledEnd":"2026-03-05T16:00:00Z","services":[{"name":"Mulching"}]}"""),
                [401, 403, 403, 403, 403, 201]),
            ("PUT", $"/api/backoffice/visits/{visit}",
                Json("""{"status":"in_progress","services":[{"name":"Mowing","status":"in_progress"}],"materials":[],"notes":null}"""),
                [401, 403, 403, 403, 403, 204]),
            ("POST", $"/api/backoffice/visits/{visit}/photos", () => JobsiteHttpBuilders.Upload(JobsiteHttpBuilders.Png(), "lawn.png", "image/png"),
                [401, 403, 403, 403, 403, 201]),
        };

        var mismatches = new List<string>();
        foreach (var (method, path, body, expected) in routes)
            for (var i = 0; i < Callers.Length; i++)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body() };
                var status = (int)(await clients[Callers[i]].SendAsync(request)).StatusCode;
                if (status != expected[i])
                    mismatches.Add($"{method} {path} as {Callers[i]}: {status}, expected {expected[i]}");
            }

        Assert.Empty(mismatches);
    }

    private static HttpContent? None() => null;

    private static Func<HttpContent?> Json(string json) => () => new StringContent(json, Encoding.UTF8, "application/json");
}

public sealed class JobsitesRoleMatrixHttpTestsOnSqlite() : JobsitesRoleMatrixHttpTests(SqlDialect.Sqlite);

public sealed class JobsitesRoleMatrixHttpTestsOnPostgres() : JobsitesRoleMatrixHttpTests(SqlDialect.Postgres), IPostgresTest;
