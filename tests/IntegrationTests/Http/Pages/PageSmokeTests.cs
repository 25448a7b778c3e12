using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.Host.Infrastructure;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts.Accounts;

namespace Portal.IntegrationTests.Http.Pages;

/// <summary>
/// Every page renders over the demo data on both engines. Browser tests run on SQLite only, so this is what catches a
/// page whose SQL only fails on PostgreSQL.
/// </summary>
public abstract class PageSmokeTests(SqlDialect dialect) : HttpTest(dialect)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Portal:SeedDemoData"] = "true" };

    [DbFact]
    public async Task Every_customer_page_renders_for_the_demo_admin()
    {
        var account = (await Factory.SendAsync(new GetAccountsByNumberQuery(["A-1001"]))).Single().AccountId;
        var admin = await Factory.LoginAsync("demo.admin", DemoData.Password);
        var invoices = await admin.GetFromJsonAsync<JsonElement>($"/api/accounts/{account}/invoices?status=all");
        var jobsites = await admin.GetFromJsonAsync<JsonElement>($"/api/accounts/{account}/jobsites");
        var invoiceId = invoices.GetProperty("items")[0].GetProperty("invoiceId").GetString();
        var jobsiteId = jobsites[0].GetProperty("jobsiteId").GetString();
        string[] pages =
        [
            "/dashboard", "/jobsites", $"/jobsites/{jobsiteId}", "/invoices", "/invoices?status=all", $"/invoices/{invoiceId}",
            "/pay", "/payments", "/profile", "/users",
        ];

        var failures = new List<string>();
        foreach (var page in pages)
        {
            var response = await admin.GetAsync(page);
            if (response.StatusCode != HttpStatusCode.OK)
                failures.Add($"{page}: {(int)response.StatusCode}");
        }

        Assert.Empty(failures);
    }

    [DbFact]
    public async Task Back_office_page_renders_for_finance()
    {
        var finance = await Factory.LoginAsync("finance", DemoData.Password);

        var response = await finance.GetAsync("/backoffice");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class PageSmokeTestsOnSqlite() : PageSmokeTests(SqlDialect.Sqlite);

public sealed class PageSmokeTestsOnPostgres() : PageSmokeTests(SqlDialect.Postgres), IPostgresTest;
