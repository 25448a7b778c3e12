using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;

namespace Portal.IntegrationTests.Http.Identity;

public abstract class AccountUsersHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Invitation_link_shows_the_account_then_registers_once()
    {
        var account = await Factory.CreateAccountAsync("A-1", "Greenway HOA");
        await Factory.AddMemberAsync(account, "boss", AccountRole.Admin);
        var boss = await Factory.LoginAsync("boss");

        var invite = await boss.PostAsJsonAsync($"/api/accounts/{account}/invitations", new { email = "new@example.test", role = "accounting" });
        var link = Factory.Mailbox.To("new@example.test").Single().LinkStartingWith("http://localhost/register?token=")!;
        var token = link.Split("token=")[1];
        var details = await Factory.Anonymous().GetFromJsonAsync<JsonElement>($"/api/invitations/{token}");
        var register = await Factory.Anonymous().PostAsJsonAsync("/api/auth/register", new { invitationToken = token, userId = "newbie", name = "New Person", password = "Sturdy-Pass-91" });
        var reuse = await Factory.Anonymous().GetAsync($"/api/invitations/{token}");

        Assert.Equal(HttpStatusCode.Created, invite.StatusCode);
        Assert.Equal("Greenway HOA", details.GetProperty("accountName").GetString());
        Assert.Equal("accounting", details.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reuse.StatusCode);
        await Factory.LoginAsync("newbie", "Sturdy-Pass-91");
    }

    [DbFact]
    public async Task Register_with_taken_user_id_is_409_and_leaves_the_invitation_usable()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "taken", AccountRole.Admin);
        await Factory.SendAsync(new Portal.Modules.Identity.Contracts.Invitations.InviteUserCommand(account, "x@example.test", AccountRole.Basic, null));
        var token = Factory.Mailbox.To("x@example.test").Single().LinkStartingWith("http://localhost/register?token=")!.Split("token=")[1];

        var taken = await Factory.Anonymous().PostAsJsonAsync("/api/auth/register", new { invitationToken = token, userId = "TAKEN", name = "X", password = "Sturdy-Pass-91" });
        var still = await Factory.Anonymous().GetAsync($"/api/invitations/{token}");

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [DbFact]
    public async Task Register_with_weak_password_says_which_rule_failed()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.SendAsync(new Portal.Modules.Identity.Contracts.Invitations.InviteUserCommand(account, "x@example.test", AccountRole.Basic, null));
        var token = Factory.Mailbox.To("x@example.test").Single().LinkStartingWith("http://localhost/register?token=")!.Split("token=")[1];

        var weak = await Factory.Anonymous().PostAsJsonAsync("/api/auth/register", new { invitationToken = token, userId = "xuser", name = "X", password = "Summer2024!" });
        var body = await weak.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("too common", body.GetProperty("errors").GetProperty("password")[0].GetString());
    }

    [DbFact]
    public async Task Invitation_expires_after_seven_days()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.SendAsync(new Portal.Modules.Identity.Contracts.Invitations.InviteUserCommand(account, "x@example.test", AccountRole.Basic, null));
        var token = Factory.Mailbox.To("x@example.test").Single().LinkStartingWith("http://localhost/register?token=")!.Split("token=")[1];

        Factory.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        Assert.Equal(HttpStatusCode.NotFound, (await Factory.Anonymous().GetAsync($"/api/invitations/{token}")).StatusCode);
    }

    [DbFact]
    public async Task Admin_changes_a_role_and_removes_a_user_but_never_the_last_admin()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "boss", AccountRole.Admin);
        await Factory.AddMemberAsync(account, "clerk", AccountRole.Basic);
        var boss = await Factory.LoginAsync("boss");

        var promote = await boss.PutAsJsonAsync($"/api/accounts/{account}/users/clerk", new { role = "accounting" });
        var demoteSelf = await boss.PutAsJsonAsync($"/api/accounts/{account}/users/boss", new { role = "basic" });
        var removeSelf = await boss.DeleteAsync($"/api/accounts/{account}/users/boss");
        var remove = await boss.DeleteAsync($"/api/accounts/{account}/users/clerk");
        var users = await boss.GetFromJsonAsync<JsonElement>($"/api/accounts/{account}/users");

        Assert.Equal(HttpStatusCode.NoContent, promote.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, demoteSelf.StatusCode);
        Assert.Equal("last_admin", (await demoteSelf.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, removeSelf.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        Assert.Equal(["boss"], users.EnumerateArray().Select(u => u.GetProperty("userId").GetString()));
    }

    [DbFact]
    public async Task Two_admins_demoting_each_other_at_once_leave_one_admin()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "ann", AccountRole.Admin);
        await Factory.AddMemberAsync(account, "bob", AccountRole.Admin);
        var ann = await Factory.LoginAsync("ann");
        var bob = await Factory.LoginAsync("bob");

        var results = await Task.WhenAll(
            ann.PutAsJsonAsync($"/api/accounts/{account}/users/bob", new { role = "basic" }),
            bob.PutAsJsonAsync($"/api/accounts/{account}/users/ann", new { role = "basic" }));
        var users = await Factory.SendAsync(new Portal.Modules.Identity.Contracts.Members.GetAccountUsersQuery(account));

        Assert.Single(users, u => u.Role == AccountRole.Admin);
        // The loser is refused either by the last-admin rule or, if it was already demoted, by its role.
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.Single(results, r => r.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.Forbidden);
    }

    [DbFact]
    public async Task Backoffice_creates_and_searches_accounts_and_refuses_a_taken_number()
    {
        await Factory.AddStaffAsync("fin");
        var finance = await Factory.LoginAsync("fin");

        var created = await finance.PostAsJsonAsync("/api/backoffice/accounts", new { accountNumber = "C-9", name = "Oak Street Offices", billingEmail = "ap@oak.test" });
        var taken = await finance.PostAsJsonAsync("/api/backoffice/accounts", new { accountNumber = "C-9", name = "Other", billingEmail = "o@x.test" });
        var found = await finance.GetFromJsonAsync<JsonElement>("/api/backoffice/accounts?search=oak");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("C-9", found.GetProperty("items")[0].GetProperty("accountNumber").GetString());
    }
}

public sealed class AccountUsersHttpTestsOnSqlite() : AccountUsersHttpTests(SqlDialect.Sqlite);

public sealed class AccountUsersHttpTestsOnPostgres() : AccountUsersHttpTests(SqlDialect.Postgres), IPostgresTest;
