using System.Globalization;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Email;
using Portal.BuildingBlocks.Messaging;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Identity.Contracts.Users;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.Modules.Payments.Receipts;

/// <summary>
/// Renders a payment email from the Payments templates for the account's accounting and admin users whose email switch is
/// on (the payer is one of them), one copy per address.
/// </summary>
internal sealed class PaymentEmails(IMediator mediator, IEmailSender email, IOutbox outbox, IConfiguration config, ILogger<PaymentEmails> logger)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private string BaseUrl => (config["Portal:BaseUrl"] ?? "http://localhost:5000").TrimEnd('/');

    public async Task SendAsync(string kind, Guid accountId, Guid paymentId, Money amount, IReadOnlyDictionary<string, string?> extra, CancellationToken ct,
        Guid? onlyTo = null, IReadOnlyCollection<string>? onlyAddresses = null)
    {
        var recipients = (onlyTo is { } userKey ? await PersonAsync(userKey, accountId, ct)
                : await mediator.Send(new GetNotificationRecipientsQuery(accountId, AccountRole.Accounting), ct))
            .DistinctBy(r => Address(r.Email))
            .Where(r => onlyAddresses is null || onlyAddresses.Contains(Address(r.Email))).ToList();
        if (recipients.Count == 0)
            return;
        var account = await mediator.Send(new GetAccountQuery(accountId), ct);
        var payment = await mediator.Send(new GetPaymentQuery(accountId, paymentId), ct);
        var values = new Dictionary<string, string?>(extra)
        {
            ["account"] = account?.Name ?? "your account",
            ["amount"] = amount.ToString(),
            ["payment_total"] = (payment?.Amount ?? amount).ToString(),
            ["method"] = payment is null ? "" : Describe(payment.Method),
            ["date"] = payment?.CreatedAt.ToString("MMMM d, yyyy", English) ?? "",
            ["reference"] = paymentId.ToString("N"),
            ["invoices"] = payment is null ? "" : await InvoicesAsync(accountId, payment, ct),
            ["link"] = $"{BaseUrl}/payments/{paymentId}",
            ["receipt_link"] = $"{BaseUrl}/documents/receipt/{accountId}/{paymentId}",
            ["pay_link"] = $"{BaseUrl}/pay?account={accountId}",
        };
        var sent = 0;
        foreach (var person in recipients)
        {
            values["name"] = person.Name;
            try
            {
                await email.SendAsync(EmailTemplates.Render(typeof(PaymentEmails).Assembly, kind, person.Email, values), ct);
                sent++;
            }
            // When nobody was mailed, the exception makes the outbox retry the whole handler. After a partial send a retry would
            // mail some people twice, so the ones left go into an event committed with this handler, which the outbox retries.
            catch (Exception ex) when (sent > 0 && ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Payment email {Kind} for {PaymentId} reached {Sent} of {Total} people; the rest is retried", kind, paymentId, sent,
                    recipients.Count);
                outbox.Add(new PaymentEmailRemainderEvent(kind, accountId, paymentId, amount.Currency, amount.Value,
                    new Dictionary<string, string?>(extra), [.. recipients.Skip(sent).Select(r => Address(r.Email))]));
                return;
            }
        }
    }

    private static string Address(string email) => email.Trim().ToLowerInvariant();

    // One person of the account who still bills for it and wants email; nobody otherwise.
    private async Task<IReadOnlyList<RecipientDto>> PersonAsync(Guid userKey, Guid accountId, CancellationToken ct) =>
        await mediator.Send(new GetMeQuery(userKey), ct) is { EmailNotifications: true } me
        && me.Accounts.Any(a => a.AccountId == accountId && a.Role >= AccountRole.Accounting)
            ? [new RecipientDto(me.UserId, me.Name, me.Email)]
            : [];

    private static string Describe(PaymentMethodSummaryDto method) => method.Type switch
    {
        "ach" => "bank account" + (method.Last4 is { } l ? " ending " + l : ""),
        _ => (method.Brand is { Length: > 0 } brand ? English.TextInfo.ToTitleCase(brand) : "card") + (method.Last4 is { } last4 ? " ending " + last4 : ""),
    };

    private async Task<string> InvoicesAsync(Guid accountId, PaymentDto payment, CancellationToken ct)
    {
        var lines = new List<string>();
        foreach (var allocation in payment.Allocations)
        {
            var invoice = await mediator.Send(new GetInvoiceQuery(accountId, allocation.InvoiceId), ct);
            lines.Add(invoice is null
                ? allocation.Amount.ToString()
                : $"{invoice.InvoiceNumber} (due {invoice.DueDate.ToString("MMMM d, yyyy", English)}): {allocation.Amount}");
        }
        return string.Join("; ", lines);
    }
}
