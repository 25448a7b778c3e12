using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Portal.BuildingBlocks.Email;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Foundation;

/// <summary>Mail over SMTP through MailKit, against a minimal SMTP server on loopback.</summary>
public sealed class SmtpEmailTests
{
    private static readonly EmailMessage Message = new("pat@example.test", "Your receipt", "Thank you, Pat.", "<p>Thank you, Pat.</p>");

    [Fact]
    public async Task Send_with_an_smtp_host_delivers_both_parts_over_smtp_and_signs_in()
    {
        await using var server = FakeSmtpServer.Start(advertiseAuth: true);
        var sender = new EmailSender(Options(server.Port, SmtpSecurity.None) with { SmtpUsername = "portal", SmtpPassword = "s3cret" });

        await sender.SendAsync(Message);

        var mail = MailItem.Parse(Assert.Single(server.Messages));
        Assert.Equal("Your receipt", mail.Subject);
        Assert.Contains("pat@example.test", mail.To);
        Assert.Equal("Thank you, Pat.", mail.Text.Trim());
        Assert.Contains("<p>Thank you, Pat.</p>", mail.Html);
        Assert.Contains(server.Commands, c => c.StartsWith("AUTH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_when_starttls_is_required_and_the_server_lacks_it_sends_nothing()
    {
        await using var server = FakeSmtpServer.Start(advertiseAuth: false);
        var sender = new EmailSender(Options(server.Port, SmtpSecurity.StartTls));

        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(Message));

        Assert.Empty(server.Messages);
        Assert.DoesNotContain(server.Commands, c => c.StartsWith("MAIL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_when_the_server_never_answers_gives_up_after_the_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var sender = new EmailSender(Options(((IPEndPoint)silent.LocalEndpoint).Port, SmtpSecurity.None) with { SmtpTimeoutSeconds = 1 });
        var started = DateTime.UtcNow;

        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(Message));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15), "The send waited far beyond its 1 s timeout.");
    }

    [Fact]
    public void Options_keep_the_older_enable_ssl_switch_and_take_the_security_setting()
    {
        Assert.Equal(SmtpSecurity.StartTls, FromSettings(("Email:Smtp:Host", "smtp.test")).SmtpSecurity);
        Assert.Equal(SmtpSecurity.Ssl, FromSettings(("Email:Smtp:Port", "465")).SmtpSecurity);
        Assert.Equal(SmtpSecurity.None, FromSettings(("Email:Smtp:EnableSsl", "false")).SmtpSecurity);
        Assert.Equal(SmtpSecurity.Ssl, FromSettings(("Email:Smtp:Security", "ssl"), ("Email:Smtp:Port", "2465")).SmtpSecurity);
        Assert.Equal(10, FromSettings(("Email:Smtp:TimeoutSeconds", "10")).SmtpTimeoutSeconds);
        Assert.Throws<InvalidOperationException>(() => FromSettings(("Email:Smtp:Security", "maybe")));
    }

    private static EmailOptions Options(int port, SmtpSecurity security) =>
        new("Portal <no-reply@portal.test>", Path.GetTempPath(), "127.0.0.1", port, null, null, security, SmtpTimeoutSeconds: 10);

    private static EmailOptions FromSettings(params (string Key, string Value)[] settings) =>
        EmailOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());
}
