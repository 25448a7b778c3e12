using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using Microsoft.Extensions.Configuration;

namespace Portal.BuildingBlocks.Email;

/// <summary>One email with a plain-text and an HTML part.</summary>
public sealed record EmailMessage(string To, string Subject, string Text, string Html);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}

public sealed record EmailOptions(string From, string PickupDirectory, string? SmtpHost, int SmtpPort, string? SmtpUsername, string? SmtpPassword, bool SmtpEnableSsl)
{
    public static EmailOptions FromConfiguration(IConfiguration config) => new(
        config["Email:From"] ?? "Portal <no-reply@portal.local>",
        config["Email:PickupDirectory"] ?? Path.Combine("data", "mail"),
        config["Email:Smtp:Host"],
        int.TryParse(config["Email:Smtp:Port"], out var port) ? port : 587,
        config["Email:Smtp:Username"],
        config["Email:Smtp:Password"],
        !string.Equals(config["Email:Smtp:EnableSsl"], "false", StringComparison.OrdinalIgnoreCase));
}

/// <summary>Sends through SMTP when a host is configured, else writes one .eml file per message to the pickup folder.</summary>
internal sealed class EmailSender(EmailOptions options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        using var mail = new MailMessage(options.From, message.To) { Subject = message.Subject };
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.Text, System.Text.Encoding.UTF8, MediaTypeNames.Text.Plain));
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.Html, System.Text.Encoding.UTF8, MediaTypeNames.Text.Html));
        using var client = CreateClient();
        await client.SendMailAsync(mail, ct);
    }

    private SmtpClient CreateClient()
    {
        if (!string.IsNullOrWhiteSpace(options.SmtpHost))
        {
            var smtp = new SmtpClient(options.SmtpHost, options.SmtpPort) { EnableSsl = options.SmtpEnableSsl };
            if (!string.IsNullOrEmpty(options.SmtpUsername))
                smtp.Credentials = new NetworkCredential(options.SmtpUsername, options.SmtpPassword);
            return smtp;
        }
        var folder = Path.GetFullPath(options.PickupDirectory);
        Directory.CreateDirectory(folder);
        return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
    }
}
