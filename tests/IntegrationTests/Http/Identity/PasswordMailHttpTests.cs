using System.Net;
using System.Net.Http.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;

namespace Portal.IntegrationTests.Http.Identity;

/// <summary>Reset and security emails go through the outbox: the answer never depends on a match or on the mail server.</summary>
public abstract class PasswordMailHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    private const string Notice = "Your Portal password was changed";

    private Task<HttpResponseMessage> ForgotAsync(string userId = "pat", string email = "pat@example.test") =>
        Factory.Anonymous().PostAsJsonAsync("/api/auth/forgot-password", new { userId, email });

    private async Task ArrangeAsync()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "pat", AccountRole.Admin);
    }

    [DbFact]
    public async Task Forgot_answers_before_any_mail_is_sent_and_the_outbox_delivers_the_link()
    {
        await ArrangeAsync();
        var before = Factory.Mailbox.To("pat@example.test").Count;

        var forgot = await ForgotAsync();
        var sentDuringRequest = Factory.Mailbox.To("pat@example.test").Count - before;
        await Factory.DrainOutboxAsync();
        var token = Factory.Mailbox.To("pat@example.test").Last().LinkStartingWith("http://localhost/reset-password?token=")!.Split("token=")[1];
        var reset = await Factory.Anonymous().PostAsJsonAsync("/api/auth/reset-password", new { token, newPassword = "Brand-New-Pass-7" });

        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        Assert.Equal(0, sentDuringRequest);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(0, await OutboxPayloadsContainingAsync(token));
    }

    [DbFact]
    public async Task Forgot_more_than_three_times_an_hour_emails_three_times_and_answers_the_same()
    {
        await ArrangeAsync();
        var before = Factory.Mailbox.To("pat@example.test").Count;

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            answers.Add((await ForgotAsync()).StatusCode);
        await Factory.DrainOutboxAsync();
        var withinHour = Factory.Mailbox.To("pat@example.test").Count - before;
        Factory.Clock.Advance(TimeSpan.FromMinutes(61));
        await ForgotAsync();
        await Factory.DrainOutboxAsync();

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a));
        Assert.Equal(3, withinHour);
        Assert.Equal(4, Factory.Mailbox.To("pat@example.test").Count - before);
    }

    [DbFact]
    public async Task Forgot_ten_times_at_once_emails_three_times()
    {
        await ArrangeAsync();
        var before = Factory.Mailbox.To("pat@example.test").Count;

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => ForgotAsync()));
        await Factory.DrainOutboxAsync();

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));
        Assert.Equal(3, Factory.Mailbox.To("pat@example.test").Count - before);
    }

    [DbFact]
    public async Task Change_password_emails_a_security_notice_through_the_outbox()
    {
        await ArrangeAsync();
        var client = await Factory.LoginAsync("pat");

        var change = await client.PutAsJsonAsync("/api/me/password", new { currentPassword = PortalUsers.Password, newPassword = "Brand-New-Pass-7" });
        await Factory.DrainOutboxAsync();

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Single(Factory.Mailbox.To("pat@example.test"), m => m.Subject == Notice);
    }

    [DbFact]
    public async Task Reset_password_emails_a_security_notice_through_the_outbox()
    {
        await ArrangeAsync();
        await ForgotAsync();
        await Factory.DrainOutboxAsync();
        var token = Factory.Mailbox.To("pat@example.test").Last().LinkStartingWith("http://localhost/reset-password?token=")!.Split("token=")[1];

        await Factory.Anonymous().PostAsJsonAsync("/api/auth/reset-password", new { token, newPassword = "Brand-New-Pass-7" });
        await Factory.DrainOutboxAsync();

        Assert.Single(Factory.Mailbox.To("pat@example.test"), m => m.Subject == Notice && m.Text.Contains("reset from an emailed link"));
    }

    private Task<long> OutboxPayloadsContainingAsync(string value) =>
        Payments.HostWebhooks.ScalarAsync(Factory, "select count(*) from outbox_messages where payload like @Value", new { Value = $"%{value}%" });
}

public sealed class PasswordMailHttpTestsOnSqlite() : PasswordMailHttpTests(SqlDialect.Sqlite);

public sealed class PasswordMailHttpTestsOnPostgres() : PasswordMailHttpTests(SqlDialect.Postgres), IPostgresTest;

/// <summary>With the mail server down, forgot-password still answers 202 at once: the email waits in the outbox.</summary>
public sealed class ForgotPasswordMailDownHttpTests() : HttpTest(SqlDialect.Sqlite)
{
    // Nothing listens on port 9 here: every SMTP send fails at once.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:Port"] = "9", ["Email:Smtp:EnableSsl"] = "false",
    };

    [DbFact]
    public async Task Forgot_while_mail_is_down_answers_202_and_keeps_the_email_queued()
    {
        await Factory.SendAsync(new Portal.Modules.Identity.Contracts.Users.CreateStaffUserCommand("pat", "Pat", "pat@provider.test",
            Portal.Modules.Identity.Contracts.StaffRole.Finance, PortalUsers.Password));

        var forgot = await Factory.Anonymous().PostAsJsonAsync("/api/auth/forgot-password", new { userId = "pat", email = "pat@provider.test" });
        await Factory.DrainOutboxAsync();

        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        Assert.Equal(1, await Payments.HostWebhooks.ScalarAsync(Factory,
            "select count(*) from outbox_messages where processed_at is null and type like '%PasswordResetRequestedEvent'"));
    }
}
