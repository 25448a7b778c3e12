using Microsoft.Playwright;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Invitations;

namespace Portal.BrowserTests;

public sealed class IdentityFlowTests : BrowserTest
{
    [DbFact]
    public async Task Invited_person_registers_uses_profile_changes_password_and_signs_out()
    {
        var account = await Portal.CreateAccountAsync("A-1", "Greenway HOA");
        await Portal.SendAsync(new InviteUserCommand(account, "robin@example.test", AccountRole.Accounting, null));
        var token = TokenFrom(Portal.Mailbox.To("robin@example.test").Single().LinkStartingWith("http://localhost/register?token=")!);

        await Page.GotoAsync($"/register?token={token}");
        Assert.Contains("Greenway HOA", await Page.InnerTextAsync("main"));
        await Page.FillAsync("#userId", "robin");
        await Page.FillAsync("#name", "Robin Green");
        await Page.FillAsync("#password", "Sturdy-Pass-91");
        await Page.ClickAsync("button[type=submit]");
        await Page.WaitForURLAsync("**/dashboard");
        Assert.Contains("Hello, Robin Green", await Page.InnerTextAsync("h1"));

        await Page.ClickAsync("nav >> text=Profile");
        await Page.FillAsync("#current", "Sturdy-Pass-91");
        await Page.FillAsync("#new", "Even-Sturdier-92");
        await Page.FillAsync("#confirm", "Even-Sturdier-92");
        await Page.ClickAsync("button:has-text(\"Change password\")");
        await Page.WaitForURLAsync("**/profile?done=password");
        Assert.Contains("Your password was changed", await Page.InnerTextAsync("main"));

        await Page.ClickAsync("text=Sign out");
        await Page.WaitForURLAsync("**/login?done=signed-out");
        await SignInAsync("robin", "Even-Sturdier-92");
        await Page.WaitForURLAsync("**/dashboard");
    }

    [DbFact]
    public async Task Forgotten_password_is_reset_from_the_emailed_link()
    {
        var account = await Portal.CreateAccountAsync();
        await Portal.AddMemberAsync(account, "pat", AccountRole.Admin);

        await Page.GotoAsync("/login");
        await Page.ClickAsync("text=Forgot your password?");
        await Page.FillAsync("#userId", "pat");
        await Page.FillAsync("#email", "pat@example.test");
        await Page.ClickAsync("button[type=submit]");
        Assert.Contains("we have emailed a link", await Page.InnerTextAsync("main"));
        await Portal.DrainOutboxAsync();
        var token = TokenFrom(Portal.Mailbox.To("pat@example.test").Last().LinkStartingWith("http://localhost/reset-password?token=")!);

        await Page.GotoAsync($"/reset-password?token={token}");
        await Page.FillAsync("#newPassword", "password");
        await Page.FillAsync("#confirm", "password");
        await Page.ClickAsync("button[type=submit]");
        Assert.Contains("too common", await Page.InnerTextAsync("[role=alert]"));
        await Page.FillAsync("#newPassword", "Fresh-Start-2030");
        await Page.FillAsync("#confirm", "Fresh-Start-2030");
        await Page.ClickAsync("button[type=submit]");
        await Page.WaitForURLAsync("**/login?done=reset");

        await SignInAsync("pat", "Fresh-Start-2030");
        await Page.WaitForURLAsync("**/dashboard");
    }

    [DbFact]
    public async Task Admin_invites_a_user_and_changes_a_role_on_the_users_page()
    {
        var account = await Portal.CreateAccountAsync("A-1", "Greenway HOA");
        await Portal.AddMemberAsync(account, "boss", AccountRole.Admin);
        await Portal.AddMemberAsync(account, "clerk", AccountRole.Basic);
        await Page.GotoAsync("/login");
        await SignInAsync("boss", PortalUsers.Password);
        await Page.WaitForURLAsync("**/dashboard");

        await Page.ClickAsync("nav >> text=Users");
        await Page.FillAsync("#email", "newhire@example.test");
        await Page.SelectOptionAsync("#role", "Accounting");
        await Page.ClickAsync("text=Send invitation");
        await Page.WaitForURLAsync("**/users?done=invited");
        await Page.SelectOptionAsync("tr[data-user=clerk] select", "Accounting");
        await Page.ClickAsync("tr[data-user=clerk] >> text=Change");
        await Page.WaitForURLAsync("**/users?done=role");

        Assert.Single(Portal.Mailbox.To("newhire@example.test"));
        Assert.Equal("Accounting", await Page.InputValueAsync("tr[data-user=clerk] select"));
        await Page.SelectOptionAsync("tr[data-user=boss] select", "Basic");
        await Page.ClickAsync("tr[data-user=boss] >> text=Change");
        Assert.Contains("last admin", await Page.InnerTextAsync("[role=alert]"));
    }

    private async Task SignInAsync(string userId, string password)
    {
        await Page.FillAsync("#userId", userId);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("button[type=submit]");
    }

    private static string TokenFrom(string link) => link.Split("token=")[1];
}
