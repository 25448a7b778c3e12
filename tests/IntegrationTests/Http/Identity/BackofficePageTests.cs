using System.Net;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;

namespace Portal.IntegrationTests.Http.Identity;

public sealed class BackofficePageTests() : HttpTest(SqlDialect.Sqlite)
{
    [DbFact]
    public async Task Back_office_page_lists_accounts_for_staff_and_turns_customers_away()
    {
        var account = await Factory.CreateAccountAsync("A-77", "Maple Court");
        await Factory.AddMemberAsync(account, "boss", AccountRole.Admin);
        await Factory.AddStaffAsync("fin");

        var staff = await (await Factory.LoginAsync("fin")).GetAsync("/backoffice");
        var customer = await (await Factory.LoginAsync("boss")).GetAsync("/backoffice");
        var anonymous = await Factory.Anonymous().GetAsync("/backoffice");

        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Contains("Maple Court", await staff.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, customer.StatusCode);
        Assert.DoesNotContain("Maple Court", await customer.Content.ReadAsStringAsync());
        Assert.StartsWith("/login", anonymous.Headers.Location?.PathAndQuery);
    }
}
