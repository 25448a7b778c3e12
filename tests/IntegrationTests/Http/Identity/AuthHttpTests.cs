using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;

namespace Portal.IntegrationTests.Http.Identity;

public abstract class AuthHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Login_with_right_password_returns_the_user_and_a_session_cookie()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "pat", AccountRole.Admin);
        var client = Factory.Anonymous();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { userId = "PAT", password = PortalUsers.Password });
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pat", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetString());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal.session=") && c.Contains("httponly") && c.Contains("samesite=lax"));
        Assert.Equal("admin", me.GetProperty("accounts")[0].GetProperty("role").GetString());
    }

    [DbFact]
    public async Task Login_with_wrong_password_is_401_and_the_same_for_an_unknown_user()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "pat", AccountRole.Admin);

        var wrong = await Factory.Anonymous().PostAsJsonAsync("/api/auth/login", new { userId = "pat", password = "Wrong-Password-1" });
        var unknown = await Factory.Anonymous().PostAsJsonAsync("/api/auth/login", new { userId = "nobody", password = "Wrong-Password-1" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(await Detail(wrong), await Detail(unknown));
    }

    [DbFact]
    public async Task Login_after_five_failures_is_429_for_fifteen_minutes_for_existing_and_unknown_ids()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "pat", AccountRole.Admin);
        foreach (var userId in new[] { "pat", "ghost" })
            for (var i = 0; i < 5; i++)
                await Factory.Anonymous().PostAsJsonAsync("/api/auth/login", new { userId, password = "Wrong-Password-1" });

        var locked = await Factory.Anonymous().PostAsJsonAsync("/api/auth/login", new { userId = "pat", password = PortalUsers.Password });
        var ghost = await Factory.Anonymous().PostAsJsonAsync("/api/auth/login", new { userId = "ghost", password = "x" });
        Factory.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var later = await Factory.Anonymous().PostAsJsonAsync("/api/auth/login", new { userId = "pat", password = PortalUsers.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, ghost.StatusCode);
        Assert.InRange(int.Parse(locked.Headers.GetValues("Retry-After").Single()), 1, 900);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [DbFact]
    public async Task Logout_ends_the_session_on_the_server()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "pat", AccountRole.Admin);
        var client = Factory.Anonymous();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userId = "pat", password = PortalUsers.Password });
        var cookie = login.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("portal.session=")).Split(';')[0];

        client.DefaultRequestHeaders.Add("X-Portal-Csrf", "1");
        var logout = await client.PostAsync("/api/auth/logout", null);
        var replay = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        replay.DefaultRequestHeaders.Add("Cookie", cookie);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/api/me")).StatusCode);
    }

    [DbFact]
    public async Task Session_idle_for_twenty_minutes_is_ended()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "pat", AccountRole.Admin);
        var client = await Factory.LoginAsync("pat");

        Factory.Clock.Advance(TimeSpan.FromMinutes(21));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
    }

    [DbFact]
    public async Task Forgot_then_reset_from_the_emailed_link_changes_the_password_once_and_ends_sessions()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "pat", AccountRole.Admin);
        var oldSession = await Factory.LoginAsync("pat");

        var forgot = await Factory.Anonymous().PostAsJsonAsync("/api/auth/forgot-password", new { userId = "pat", email = "PAT@example.test" });
        await Factory.DrainOutboxAsync();
        var mail = Factory.Mailbox.To("pat@example.test").Last();
        var link = mail.LinkStartingWith("http://localhost/reset-password?token=")!;
        var token = link.Split("token=")[1];
        var reset = await Factory.Anonymous().PostAsJsonAsync("/api/auth/reset-password", new { token, newPassword = "Brand-New-Pass-7" });
        var again = await Factory.Anonymous().PostAsJsonAsync("/api/auth/reset-password", new { token, newPassword = "Other-New-Pass-8" });

        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        Assert.Contains(link, mail.Html);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await oldSession.GetAsync("/api/me")).StatusCode);
        await Factory.LoginAsync("pat", "Brand-New-Pass-7");
    }

    [DbFact]
    public async Task Forgot_with_wrong_email_answers_the_same_and_sends_nothing()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "pat", AccountRole.Admin);
        var before = Factory.Mailbox.All().Count;

        var wrongEmail = await Factory.Anonymous().PostAsJsonAsync("/api/auth/forgot-password", new { userId = "pat", email = "other@example.test" });
        var unknownUser = await Factory.Anonymous().PostAsJsonAsync("/api/auth/forgot-password", new { userId = "nobody", email = "pat@example.test" });
        await Factory.DrainOutboxAsync();

        Assert.Equal(HttpStatusCode.Accepted, wrongEmail.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknownUser.StatusCode);
        Assert.Equal(before, Factory.Mailbox.All().Count);
    }

    [DbFact]
    public async Task Reset_link_expires_after_an_hour()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "pat", AccountRole.Admin);
        await Factory.Anonymous().PostAsJsonAsync("/api/auth/forgot-password", new { userId = "pat", email = "pat@example.test" });
        await Factory.DrainOutboxAsync();
        var token = Factory.Mailbox.To("pat@example.test").Last().LinkStartingWith("http://localhost/reset-password?token=")!.Split("token=")[1];

        Factory.Clock.Advance(TimeSpan.FromMinutes(61));
        var reset = await Factory.Anonymous().PostAsJsonAsync("/api/auth/reset-password", new { token, newPassword = "Brand-New-Pass-7" });

        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
    }

    [DbFact]
    public async Task Change_password_needs_the_current_one_and_ends_other_sessions_only()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "pat", AccountRole.Admin);
        var here = await Factory.LoginAsync("pat");
        var elsewhere = await Factory.LoginAsync("pat");

        var wrong = await here.PutAsJsonAsync("/api/me/password", new { currentPassword = "nope", newPassword = "Brand-New-Pass-7" });
        var right = await here.PutAsJsonAsync("/api/me/password", new { currentPassword = PortalUsers.Password, newPassword = "Brand-New-Pass-7" });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync("/api/me")).StatusCode);
    }

    [DbFact]
    public async Task Preferences_switch_email_notifications()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "pat", AccountRole.Admin);
        var client = await Factory.LoginAsync("pat");

        var put = await client.PutAsJsonAsync("/api/me/preferences", new { emailNotifications = false });
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.False(me.GetProperty("emailNotifications").GetBoolean());
    }

    [DbFact]
    public async Task Malformed_json_wrong_type_and_wrong_content_type_are_4xx_problems()
    {
        var client = Factory.Anonymous();

        var malformed = await client.PostAsync("/api/auth/login", new StringContent("{\"userId\":", Encoding.UTF8, "application/json"));
        var wrongType = await client.PostAsync("/api/auth/login", new StringContent("{\"userId\":42,\"password\":[]}", Encoding.UTF8, "application/json"));
        var form = await client.PostAsync("/api/auth/login", new FormUrlEncodedContent([new("userId", "x")]));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<string?> Detail(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
}

public sealed class AuthHttpTestsOnSqlite() : AuthHttpTests(SqlDialect.Sqlite);

public sealed class AuthHttpTestsOnPostgres() : AuthHttpTests(SqlDialect.Postgres), IPostgresTest;
