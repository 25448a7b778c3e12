using System.Net;
using Portal.BuildingBlocks.Email;
using Portal.Modules.Identity.Contracts;

namespace Portal.Modules.Identity.Emails;

/// <summary>The emails Identity sends, plain text and HTML, with links built from Portal:BaseUrl.</summary>
internal sealed class IdentityEmails(IdentityOptions options)
{
    public string RegisterLink(string token) => $"{options.BaseUrl}/register?token={token}";

    public string ResetLink(string token) => $"{options.BaseUrl}/reset-password?token={token}";

    public EmailMessage Invitation(string to, string accountName, AccountRole role, string token, DateTimeOffset expiresAt)
    {
        var link = RegisterLink(token);
        var until = expiresAt.ToString("MMMM d, yyyy");
        return new EmailMessage(to, $"You're invited to {accountName} on Portal",
            $"""
            Hello,

            You have been invited to use Portal for {accountName} with the {Roles.Name(role)} role.
            Create your login here (the link works once, until {until}):

            {link}

            If you were not expecting this, you can ignore this email.
            """,
            Html($"<p>Hello,</p><p>You have been invited to use Portal for <strong>{E(accountName)}</strong> with the <strong>{Roles.Name(role)}</strong> role.</p>"
                 + $"<p><a href=\"{E(link)}\">Create your login</a> (the link works once, until {until}).</p>"
                 + "<p>If you were not expecting this, you can ignore this email.</p>"));
    }

    public EmailMessage PasswordReset(string to, string name, string token)
    {
        var link = ResetLink(token);
        return new EmailMessage(to, "Reset your Portal password",
            $"""
            Hello {name},

            Someone asked to reset the password of your Portal login. If it was you, choose a new password here
            (the link works once, for one hour):

            {link}

            If it was not you, ignore this email; your password stays as it is.
            """,
            Html($"<p>Hello {E(name)},</p><p>Someone asked to reset the password of your Portal login. If it was you, "
                 + $"<a href=\"{E(link)}\">choose a new password</a> (the link works once, for one hour).</p>"
                 + "<p>If it was not you, ignore this email; your password stays as it is.</p>"));
    }

    public EmailMessage PasswordChanged(string to, string name, bool byReset)
    {
        var how = byReset ? "reset from an emailed link" : "changed";
        var link = $"{options.BaseUrl}/forgot-password";
        return new EmailMessage(to, "Your Portal password was changed",
            $"""
            Hello {name},

            The password of your Portal login was just {how}, and every other session was signed out.

            If that was you, there is nothing to do. If it was not, reset your password now and tell your account's administrator:

            {link}
            """,
            Html($"<p>Hello {E(name)},</p><p>The password of your Portal login was just {how}, and every other session was signed out.</p>"
                 + $"<p>If that was you, there is nothing to do. If it was not, <a href=\"{E(link)}\">reset your password now</a> "
                 + "and tell your account's administrator.</p>"));
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);

    private static string Html(string body) =>
        $"<!DOCTYPE html><html><body style=\"font-family:system-ui,sans-serif;color:#1d2733;line-height:1.5\">{body}</body></html>";
}
