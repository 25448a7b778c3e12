using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Jobsites;

/// <summary>For each Jobsites route, each kind of caller gets the status API.md promises.</summary>
public abstract class JobsitesRoleMatrixHttpTests(SqlDialect dialect) : JobsitesHttpTest(dialect)
{
    [DbFact]
    public async Task Every_jobsites_route_answers_each_caller_as_the_contract_says()
    {
        var account = await Factory.CreateAccountAsync("A-1");
        var other = await Factory.CreateAccountAsync("A-2");
        var matrix = await RoleMatrix.ArrangeAsync(Factory, account, other);
        var jobsite = await Factory.AJobsiteAsync(account);
        var visit = await Factory.AVisitAsync(jobsite, Factory.Clock.GetUtcNow().AddDays(1), "Mowing");
        var photo = await Factory.APhotoAsync(visit, JobsiteHttpBuilders.Png());

        // Expected status per caller, in the order of Callers. Back-office bodies are valid, so finance gets a 2xx.
        RoleMatrix.Route[] routes =
        [
            new("GET", $"/api/accounts/{account}/jobsites", RoleMatrix.None, [401, 200, 200, 200, 404, 404]),
            new("GET", $"/api/accounts/{account}/jobsites/{jobsite}", RoleMatrix.None, [401, 200, 200, 200, 404, 404]),
            new("GET", $"/api/accounts/{account}/visits", RoleMatrix.None, [401, 200, 200, 200, 404, 404]),
            new("GET", $"/api/accounts/{account}/photos/{photo}", RoleMatrix.None, [401, 200, 200, 200, 404, 404]),
            new("POST", "/api/backoffice/jobsites", RoleMatrix.Json($$"""{"accountId":"{{account}}","name":"Elm","address":"2 Elm St","latitude":40.1,"longitude":-88.2}"""),
                [401, 403, 403, 403, 403, 201]),
            new("POST", $"/api/backoffice/jobsites/{jobsite}/visits",
                RoleMatrix.Json("""{"scheduledStart":"2026-03-05T14:00:00Z","scheduledEnd":"2026-03-05T16:00:00Z","services":[{"name":"Mulching"}]}"""),
                [401, 403, 403, 403, 403, 201]),
            new("PUT", $"/api/backoffice/visits/{visit}",
                RoleMatrix.Json("""{"status":"in_progress","services":[{"name":"Mowing","status":"in_progress"}],"materials":[],"notes":null}"""),
                [401, 403, 403, 403, 403, 204]),
            new("POST", $"/api/backoffice/visits/{visit}/photos", () => JobsiteHttpBuilders.Upload(JobsiteHttpBuilders.Png(), "lawn.png", "image/png"),
                [401, 403, 403, 403, 403, 201]),
        ];

        Assert.Empty(await matrix.MismatchesAsync(routes));
    }
}

public sealed class JobsitesRoleMatrixHttpTestsOnSqlite() : JobsitesRoleMatrixHttpTests(SqlDialect.Sqlite);

public sealed class JobsitesRoleMatrixHttpTestsOnPostgres() : JobsitesRoleMatrixHttpTests(SqlDialect.Postgres), IPostgresTest;
