using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Members;

namespace Portal.IntegrationTests.Http.Identity;

/// <summary>Issue 12 item 8: no input (API, page, invitation, back office) can store a role that is not basic, accounting or admin.</summary>
public abstract partial class RoleInputHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    private static readonly string[] BadFormRoles = ["", "0", "7", "-1", "owner", "Admin;drop", "1"];

    [DbFact]
    public async Task Users_page_role_change_with_an_unknown_role_is_400_and_keeps_the_role()
    {
        var (account, boss) = await ArrangeAsync();

        var statuses = new List<HttpStatusCode>();
        foreach (var role in BadFormRoles)
            statuses.Add((await PostPageAsync(boss, "/users?handler=Role", new() { ["TargetUserId"] = "worker", ["Role"] = role })).StatusCode);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal("basic", await RoleOfAsync(boss, account, "worker"));
    }

    [DbFact]
    public async Task Users_page_role_change_with_a_role_name_changes_it()
    {
        var (account, boss) = await ArrangeAsync();

        var response = await PostPageAsync(boss, "/users?handler=Role", new() { ["TargetUserId"] = "worker", ["Role"] = "Accounting" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("accounting", await RoleOfAsync(boss, account, "worker"));
    }

    [DbFact]
    public async Task Users_page_invitation_with_an_unknown_role_is_400_and_sends_nothing()
    {
        var (_, boss) = await ArrangeAsync();

        var statuses = new List<HttpStatusCode>();
        foreach (var role in BadFormRoles)
            statuses.Add((await PostPageAsync(boss, "/users?handler=Invite", new() { ["Email"] = "new@example.test", ["Role"] = role })).StatusCode);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Empty(Factory.Mailbox.To("new@example.test"));
    }

    [DbFact]
    public async Task Backoffice_page_invitation_with_an_empty_role_is_400_and_sends_nothing()
    {
        var (account, _) = await ArrangeAsync();
        await Factory.AddStaffAsync("fran");
        var fran = await Factory.LoginAsync("fran");

        var response = await PostPageAsync(fran, "/backoffice?handler=Invite",
            new() { ["AccountId"] = account.ToString(), ["Email"] = "new@example.test", ["Role"] = "" }, "/backoffice");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Factory.Mailbox.To("new@example.test"));
    }

    private static readonly string[] BadJsonRoles = ["0", "2", "\"owner\"", "null", "\"\"", "[\"admin\"]", "{}"];

    [DbFact]
    public async Task Api_role_inputs_that_are_not_a_role_name_are_400_and_change_nothing()
    {
        var (account, boss) = await ArrangeAsync();
        await Factory.AddStaffAsync("fran");
        var fran = await Factory.LoginAsync("fran");

        var wrong = new List<string>();
        foreach (var role in BadJsonRoles)
        {
            var invitation = Json($$"""{"email":"new@example.test","role":{{role}}}""");
            var statuses = new[]
            {
                (await boss.PutAsync($"/api/accounts/{account}/users/worker", Json($$"""{"role":{{role}}}"""))).StatusCode,
                (await boss.PostAsync($"/api/accounts/{account}/invitations", invitation)).StatusCode,
                (await fran.PostAsync($"/api/backoffice/accounts/{account}/invitations", Json($$"""{"email":"new@example.test","role":{{role}}}"""))).StatusCode,
            };
            wrong.AddRange(statuses.Where(s => s != HttpStatusCode.BadRequest).Select(s => $"{role}: {s}"));
        }

        Assert.Empty(wrong);
        Assert.Equal("basic", await RoleOfAsync(boss, account, "worker"));
        Assert.Empty(Factory.Mailbox.To("new@example.test"));
    }

    [DbFact]
    public async Task Change_member_role_command_refuses_a_role_outside_the_enum()
    {
        var (account, boss) = await ArrangeAsync();

        await Assert.ThrowsAsync<ValidationException>(() => Factory.SendAsync(new ChangeMemberRoleCommand(account, "worker", 0)));
        await Assert.ThrowsAsync<ValidationException>(() => Factory.SendAsync(new ChangeMemberRoleCommand(account, "worker", (AccountRole)9)));

        Assert.Equal("basic", await RoleOfAsync(boss, account, "worker"));
    }

    private async Task<(Guid Account, HttpClient Boss)> ArrangeAsync()
    {
        var account = await Factory.CreateAccountAsync("A-1");
        await Factory.AddMemberAsync(account, "boss", AccountRole.Admin);
        await Factory.AddMemberAsync(account, "worker", AccountRole.Basic);
        return (account, await Factory.LoginAsync("boss"));
    }

    private static async Task<HttpResponseMessage> PostPageAsync(HttpClient client, string url, Dictionary<string, string> fields, string page = "/users")
    {
        var html = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = TokenPattern().Match(html).Groups[1].Value;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static async Task<string?> RoleOfAsync(HttpClient admin, Guid account, string userId)
    {
        var users = await admin.GetFromJsonAsync<JsonElement>($"/api/accounts/{account}/users");
        return users.EnumerateArray().Single(u => u.GetProperty("userId").GetString() == userId).GetProperty("role").GetString();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public sealed class RoleInputHttpTestsOnSqlite() : RoleInputHttpTests(SqlDialect.Sqlite);

public sealed class RoleInputHttpTestsOnPostgres() : RoleInputHttpTests(SqlDialect.Postgres), IPostgresTest;
