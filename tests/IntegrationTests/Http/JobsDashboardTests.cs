using System.Net;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;

namespace Portal.IntegrationTests.Http;

/// <summary>The Hangfire dashboard at /backoffice/jobs: staff see it under our CSP; others never learn it is there.</summary>
public abstract class JobsDashboardTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Jobs_dashboard_when_anonymous_redirects_to_sign_in()
    {
        var response = await Factory.Anonymous().GetAsync("/backoffice/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
    }

    [DbFact]
    public async Task Jobs_dashboard_when_customer_is_404()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "cust.admin", AccountRole.Admin);
        var customer = await Factory.LoginAsync("cust.admin");

        var page = await customer.GetAsync("/backoffice/jobs");
        var recurring = await customer.GetAsync("/backoffice/jobs/recurring");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, recurring.StatusCode);
    }

    [DbFact]
    public async Task Jobs_dashboard_when_staff_shows_the_jobs_under_the_csp()
    {
        await Factory.AddStaffAsync("fran");
        var staff = await Factory.LoginAsync("fran");

        var response = await staff.GetAsync("/backoffice/jobs/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
    }

    [DbFact]
    public async Task Jobs_dashboard_hashes_stay_off_other_pages()
    {
        var response = await Factory.Anonymous().GetAsync("/login");

        Assert.DoesNotContain("unsafe-hashes", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}

public sealed class JobsDashboardTestsOnSqlite() : JobsDashboardTests(SqlDialect.Sqlite);

public sealed class JobsDashboardTestsOnPostgres() : JobsDashboardTests(SqlDialect.Postgres), IPostgresTest;
