using System.Net;
using System.Net.Http.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Accounts;

namespace Portal.IntegrationTests.Http.Backoffice;

public abstract class AccountPageTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Saving_the_account_changes_it_and_the_history_shows_who_and_before_and_after()
    {
        var account = await Factory.CreateAccountAsync("A-1", "Maple Court");
        await Factory.AddStaffAsync("fin");
        var staff = await Factory.LoginAsync("fin");

        var saved = await staff.PostFormAsync($"/backoffice/accounts/{account}", "Save",
            ("Name", "Maple Court HOA"), ("BillingEmail", "ap@maple.test"), ("TimeZone", "America/New_York"));
        var page = await staff.GetStringAsync($"/backoffice/accounts/{account}");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(new AccountDto(account, "A-1", "Maple Court HOA", "ap@maple.test", "America/New_York"), await Factory.SendAsync(new GetAccountQuery(account)));
        Assert.Contains("account.updated", page);
        Assert.Contains("fin", page);
        Assert.Contains("&quot;name&quot;:&quot;Maple Court&quot;", page);
        Assert.Contains("&quot;timeZone&quot;:&quot;America/New_York&quot;", page);
    }

    [DbFact]
    public async Task A_bad_time_zone_is_shown_beside_the_form_and_changes_nothing()
    {
        var account = await Factory.CreateAccountAsync("A-1", "Maple Court");
        await Factory.AddStaffAsync("fin");
        var staff = await Factory.LoginAsync("fin");

        var response = await staff.PostFormAsync($"/backoffice/accounts/{account}", "Save",
            ("Name", "Other"), ("BillingEmail", "ap@maple.test"), ("TimeZone", "Nowhere/Else"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("IANA time zone", await response.Content.ReadAsStringAsync());
        Assert.Equal("Maple Court", (await Factory.SendAsync(new GetAccountQuery(account)))!.Name);
        Assert.DoesNotContain("account.updated", await staff.GetStringAsync($"/backoffice/accounts/{account}"));
    }

    [DbFact]
    public async Task The_api_edits_an_account_too_is_audited_and_refuses_bad_zones_and_customers()
    {
        var account = await Factory.CreateAccountAsync("A-1", "Maple Court");
        await Factory.AddMemberAsync(account, "boss", AccountRole.Admin);
        await Factory.AddStaffAsync("fin");
        var staff = await Factory.LoginAsync("fin");
        var customer = await Factory.LoginAsync("boss");

        var bad = await staff.PutAsJsonAsync($"/api/backoffice/accounts/{account}", new { name = "X", billingEmail = "x@maple.test", timeZone = "Moon/Base" });
        var refused = await customer.PutAsJsonAsync($"/api/backoffice/accounts/{account}", new { name = "X", billingEmail = "x@maple.test", timeZone = "UTC" });
        var unknown = await staff.PutAsJsonAsync($"/api/backoffice/accounts/{Guid.NewGuid()}", new { name = "X", billingEmail = "x@maple.test", timeZone = "UTC" });
        var saved = await staff.PutAsJsonAsync($"/api/backoffice/accounts/{account}", new { name = "Maple", billingEmail = "x@maple.test", timeZone = "UTC" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Equal("UTC", (await Factory.SendAsync(new GetAccountQuery(account)))!.TimeZone);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(await staff.GetStringAsync($"/backoffice/accounts/{account}"), "data-audit=\"account.updated\""));
    }

    [DbFact]
    public async Task Account_page_shows_members_invitations_and_balance()
    {
        var account = await Factory.CreateAccountAsync("A-1", "Maple Court");
        await Factory.AddMemberAsync(account, "boss", AccountRole.Admin);
        await Factory.AddStaffAsync("fin");
        var staff = await Factory.LoginAsync("fin");

        var invited = await staff.PostFormAsync($"/backoffice/accounts/{account}", "Invite", ("Email", "new@maple.test"), ("Role", "Accounting"));
        var page = await staff.GetStringAsync($"/backoffice/accounts/{account}");

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Contains("data-member=\"boss\"", page);
        Assert.Contains("data-invitation=\"new@maple.test\"", page);
        Assert.Contains("invitation.sent", page);
        Assert.Contains("$0.00", page);
    }
}

public sealed class AccountPageTestsOnSqlite() : AccountPageTests(SqlDialect.Sqlite);

public sealed class AccountPageTestsOnPostgres() : AccountPageTests(SqlDialect.Postgres), IPostgresTest;
