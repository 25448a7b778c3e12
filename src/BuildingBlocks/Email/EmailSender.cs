using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace Portal.BuildingBlocks.Email;

/// <summary>One email with a plain-text and an HTML part.</summary>
public sealed record EmailMessage(string To, string Subject, string Text, string Html);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}

/// <summary>How the SMTP connection is secured: STARTTLS required, TLS from the first byte (port 465), or none (a local relay only).</summary>
public enum SmtpSecurity
{
    StartTls,
    Ssl,
    None,
}

public sealed record EmailOptions(string From, string PickupDirectory, string? SmtpHost, int SmtpPort, string? SmtpUsername, string? SmtpPassword,
    SmtpSecurity SmtpSecurity = SmtpSecurity.StartTls, int SmtpTimeoutSeconds = 30)
{
    public static EmailOptions FromConfiguration(IConfiguration config)
    {
        var port = int.TryParse(config["Email:Smtp:Port"], out var p) ? p : 587;
        return new(
            config["Email:From"] ?? "Portal <no-reply@portal.local>",
            config["Email:PickupDirectory"] ?? Path.Combine("data", "mail"),
            config["Email:Smtp:Host"],
            port,
            config["Email:Smtp:Username"],
            config["Email:Smtp:Password"],
            Security(config, port),
            int.TryParse(config["Email:Smtp:TimeoutSeconds"], out var seconds) && seconds > 0 ? seconds : 30);
    }

    // Email:Smtp:Security wins; without it the older EnableSsl switch keeps its meaning (false: plain; true: TLS, on connect for 465).
    private static SmtpSecurity Security(IConfiguration config, int port) =>
        config["Email:Smtp:Security"]?.ToLowerInvariant() switch
        {
            "starttls" => SmtpSecurity.StartTls,
            "ssl" or "tls" => SmtpSecurity.Ssl,
            "none" => SmtpSecurity.None,
            null or "" => string.Equals(config["Email:Smtp:EnableSsl"], "false", StringComparison.OrdinalIgnoreCase) ? SmtpSecurity.None
                : port == 465 ? SmtpSecurity.Ssl : SmtpSecurity.StartTls,
            var other => throw new InvalidOperationException($"Email:Smtp:Security '{other}' is not one of starttls, ssl, none."),
        };
}

/// <summary>Sends through SMTP (MailKit) when a host is configured, else writes one .eml file per message (MimeKit) to the pickup folder.</summary>
internal sealed class EmailSender(EmailOptions options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        using var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(options.From));
        mail.To.Add(MailboxAddress.Parse(message.To));
        mail.Subject = message.Subject;
        mail.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        if (options.SmtpHost is { Length: > 0 } host && !string.IsNullOrWhiteSpace(host))
            await SendSmtpAsync(mail, host, ct);
        else
            await WriteToPickupAsync(mail, ct);
    }

    private async Task SendSmtpAsync(MimeMessage mail, string host, CancellationToken ct)
    {
        // MailKit logs no protocol unless given a logger, so credentials never reach our logs.
        using var client = new SmtpClient { Timeout = options.SmtpTimeoutSeconds * 1000 };
        var socket = options.SmtpSecurity switch
        {
            SmtpSecurity.Ssl => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(host, options.SmtpPort, socket, ct);
        if (!string.IsNullOrEmpty(options.SmtpUsername))
            await client.AuthenticateAsync(options.SmtpUsername, options.SmtpPassword ?? "", ct);
        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    private async Task WriteToPickupAsync(MimeMessage mail, CancellationToken ct)
    {
        var folder = Path.GetFullPath(options.PickupDirectory);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{Guid.NewGuid():N}.eml");
        // Written aside and moved in, so a pickup service (or a test) never reads half a message. CRLF as SMTP has it.
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        await mail.WriteToAsync(format, file + ".tmp", ct);
        File.Move(file + ".tmp", file);
    }
}
