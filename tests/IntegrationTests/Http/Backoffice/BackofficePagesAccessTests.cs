using System.Net;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;

namespace Portal.IntegrationTests.Http.Backoffice;

public sealed class BackofficePagesAccessTests() : HttpTest(SqlDialect.Sqlite)
{
    private static readonly string[] Pages =
    [
        "/backoffice/accounts", "/backoffice/invoices", "/backoffice/imports", "/backoffice/payments", "/backoffice/reports",
        "/backoffice/jobsites", "/backoffice/run-job",
    ];

    [DbFact]
    public async Task Every_back_office_page_opens_for_finance_is_404_for_customers_and_asks_strangers_to_sign_in()
    {
        var account = await Factory.CreateAccountAsync("A-1", "Maple Court");
        await Factory.AddMemberAsync(account, "boss", AccountRole.Admin);
        await Factory.AddStaffAsync("fin");
        var staff = await Factory.LoginAsync("fin");
        var customer = await Factory.LoginAsync("boss");
        var anonymous = Factory.Anonymous();

        foreach (var page in Pages.Append($"/backoffice/accounts/{account}"))
        {
            Assert.True(HttpStatusCode.OK == (await staff.GetAsync(page)).StatusCode, page);
            Assert.True(HttpStatusCode.NotFound == (await customer.GetAsync(page)).StatusCode, page);
            Assert.StartsWith("/login", (await anonymous.GetAsync(page)).Headers.Location?.PathAndQuery);
        }
    }

    [DbFact]
    public async Task Unknown_account_invoice_and_payment_pages_are_404_for_finance()
    {
        await Factory.AddStaffAsync("fin");
        var staff = await Factory.LoginAsync("fin");

        foreach (var page in new[] { "accounts", "invoices", "payments" }.Select(p => $"/backoffice/{p}/{Guid.NewGuid()}"))
            Assert.True(HttpStatusCode.NotFound == (await staff.GetAsync(page)).StatusCode, page);
    }
}
