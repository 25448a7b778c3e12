using System.Globalization;
using MediatR;
using Microsoft.Extensions.Configuration;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Email;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Identity.Contracts.Users;
using Portal.Modules.Payments.Contracts.Autopay;

namespace Portal.Modules.Invoicing.Reminders;

/// <summary>The invoice an email is about, as the templates need it.</summary>
internal sealed record InvoiceNotice(Guid InvoiceId, Guid AccountId, string InvoiceNumber, DateOnly DueDate, Money Total, Money Balance);

/// <summary>Who hears about an account's invoices, and what autopay will charge for it; read once per account.</summary>
internal sealed record AccountAudience(string AccountName, IReadOnlyList<RecipientDto> Recipients, AutopayPlanDto Autopay);

/// <summary>Renders the Invoicing email templates and sends one copy per recipient.</summary>
internal sealed class InvoiceMailer(IEmailSender email, IConfiguration config, TimeProvider clock)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private string BaseUrl => (config["Portal:BaseUrl"] ?? "http://localhost:5000").TrimEnd('/');

    public static async Task<AccountAudience> AudienceAsync(IMediator mediator, Guid accountId, CancellationToken ct)
    {
        var account = await mediator.Send(new GetAccountQuery(accountId), ct);
        // Accounting and admin see invoices; Identity leaves out people whose email switch is off.
        var recipients = (await mediator.Send(new GetNotificationRecipientsQuery(accountId, AccountRole.Accounting), ct))
            .DistinctBy(r => r.Email.Trim().ToLowerInvariant()).ToList();
        var autopay = await mediator.Send(new GetAutopayPlanQuery(accountId), ct);
        return new AccountAudience(account?.Name ?? "your account", recipients, autopay);
    }

    /// <summary>Sends the stage's email to every recipient; returns how many were sent, and the error that stopped it, if any.</summary>
    public async Task<(int Sent, Exception? Error)> SendAsync(string stage, InvoiceNotice invoice, AccountAudience audience, CancellationToken ct)
    {
        var sent = 0;
        try
        {
            var template = ReminderStage.Template(stage);
            var values = Values(invoice, audience);
            foreach (var person in audience.Recipients)
            {
                values["name"] = person.Name;
                await email.SendAsync(EmailTemplates.Render(typeof(InvoiceMailer).Assembly, template, person.Email, values), ct);
                sent++;
            }
            return (sent, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (sent, ex);
        }
    }

    private Dictionary<string, string?> Values(InvoiceNotice invoice, AccountAudience audience)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var charge = audience.Autopay.Charges.FirstOrDefault(c => c.InvoiceId == invoice.InvoiceId);
        var method = $"{audience.Autopay.MethodBrand ?? "the saved method"}{(audience.Autopay.MethodLast4 is { } last4 ? " ending " + last4 : "")}";
        return new Dictionary<string, string?>
        {
            ["account"] = audience.AccountName,
            ["number"] = invoice.InvoiceNumber,
            ["total"] = invoice.Total.ToString(),
            ["balance"] = invoice.Balance.ToString(),
            ["due"] = invoice.DueDate.ToString("MMMM d, yyyy", English),
            ["days_left"] = Math.Max(0, invoice.DueDate.DayNumber - today.DayNumber).ToString(English),
            ["days_overdue"] = Math.Max(0, today.DayNumber - invoice.DueDate.DayNumber).ToString(English),
            ["link"] = $"{BaseUrl}/invoices/{invoice.InvoiceId}",
            ["pdf_link"] = $"{BaseUrl}/documents/invoice/{invoice.AccountId}/{invoice.InvoiceId}",
            ["pay_link"] = $"{BaseUrl}/pay?invoice={invoice.InvoiceId}&account={invoice.AccountId}",
            ["autopay"] = charge is null ? null : $"{method} on {charge.ChargeOn.ToString("MMMM d, yyyy", English)}",
        };
    }
}
