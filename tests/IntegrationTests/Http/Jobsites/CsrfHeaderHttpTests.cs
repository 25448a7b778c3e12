using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.IntegrationTests.Http.Jobsites;

/// <summary>
/// Issue 12 item 10: a page on a sibling subdomain is same-site, so SameSite=Lax still sends the cookie with its form posts.
/// Cookie-authenticated API changes without a JSON body need the X-Portal-Csrf header, which no form can set.
/// </summary>
public abstract class CsrfHeaderHttpTests(SqlDialect dialect) : JobsitesHttpTest(dialect)
{
    [DbFact]
    public async Task Bodiless_and_form_posts_without_the_header_are_400_and_change_nothing()
    {
        var account = await Factory.CreateAccountAsync("A-1");
        await Factory.AddMemberAsync(account, "boss", AccountRole.Admin);
        await Factory.AddMemberAsync(account, "worker", AccountRole.Basic);
        await Factory.AddStaffAsync("fran");
        var invoice = await AnInvoiceAsync(account);
        var visit = await Factory.AVisitAsync(await Factory.AJobsiteAsync(account), Factory.Clock.GetUtcNow().AddDays(1), "Mowing");
        var fran = await FormSiteClientAsync("fran");
        var boss = await FormSiteClientAsync("boss");

        HttpStatusCode[] statuses =
        [
            (await fran.PostAsync($"/api/backoffice/invoices/{invoice}/void", null)).StatusCode,
            (await fran.PostAsync($"/api/backoffice/invoices/{invoice}/void", new FormUrlEncodedContent([]))).StatusCode,
            (await fran.PostAsync("/api/backoffice/jobs/invoice-posting/run", new StringContent("", Encoding.UTF8, "text/plain"))).StatusCode,
            (await fran.PostAsync($"/api/backoffice/visits/{visit}/photos", JobsiteHttpBuilders.Upload(JobsiteHttpBuilders.Png(), "a.png", "image/png"))).StatusCode,
            (await fran.PostAsync("/api/backoffice/invoices/import", new StringContent("a,b", Encoding.UTF8, "text/csv"))).StatusCode,
            (await boss.DeleteAsync($"/api/accounts/{account}/users/worker")).StatusCode,
        ];

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal("open", (await Factory.SendAsync(new GetInvoiceQuery(account, invoice)))!.Status);
        Assert.Empty(Directory.Exists(PhotoDirectory) ? Directory.GetFiles(PhotoDirectory, "*", SearchOption.AllDirectories) : []);
        Assert.Equal(2, (await boss.GetFromJsonAsync<List<object>>($"/api/accounts/{account}/users"))!.Count);
    }

    [DbFact]
    public async Task The_same_calls_with_the_header_go_through()
    {
        var account = await Factory.CreateAccountAsync("A-1");
        await Factory.AddStaffAsync("fran");
        var invoice = await AnInvoiceAsync(account);
        var visit = await Factory.AVisitAsync(await Factory.AJobsiteAsync(account), Factory.Clock.GetUtcNow().AddDays(1), "Mowing");
        var fran = await FormSiteClientAsync("fran");
        fran.DefaultRequestHeaders.Add("X-Portal-Csrf", "1");

        var voided = await fran.PostAsync($"/api/backoffice/invoices/{invoice}/void", null);
        var run = await fran.PostAsync("/api/backoffice/jobs/invoice-posting/run", null);
        var photo = await fran.PostAsync($"/api/backoffice/visits/{visit}/photos", JobsiteHttpBuilders.Upload(JobsiteHttpBuilders.Png(), "a.png", "image/png"));

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.OK, HttpStatusCode.Created], new[] { voided.StatusCode, run.StatusCode, photo.StatusCode });
    }

    [DbFact]
    public async Task Json_calls_and_anonymous_calls_need_no_header()
    {
        var account = await Factory.CreateAccountAsync("A-1");
        await Factory.AddMemberAsync(account, "boss", AccountRole.Admin);
        var boss = await FormSiteClientAsync("boss");

        var invite = await boss.PostAsJsonAsync($"/api/accounts/{account}/invitations", new { email = "new@example.test", role = "basic" });
        var login = await Factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userId = "boss", password = "wrong" });

        Assert.Equal(HttpStatusCode.Created, invite.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    // Signed in with the cookie only, as a browser submitting a form from another page of the same site would be.
    private async Task<HttpClient> FormSiteClientAsync(string userId)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await client.PostAsJsonAsync("/api/auth/login", new { userId, password = PortalUsers.Password })).EnsureSuccessStatusCode();
        return client;
    }

    private async Task<Guid> AnInvoiceAsync(Guid account)
    {
        var today = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime);
        return (await Factory.SendAsync(new CreateInvoiceCommand(account, "INV-1", today, today.AddDays(30), null,
            [new InvoiceLineInputDto("Mowing", 1m, Money.Dollars(5_000))], true))).InvoiceId;
    }
}

public sealed class CsrfHeaderHttpTestsOnSqlite() : CsrfHeaderHttpTests(SqlDialect.Sqlite);

public sealed class CsrfHeaderHttpTestsOnPostgres() : CsrfHeaderHttpTests(SqlDialect.Postgres), IPostgresTest;
