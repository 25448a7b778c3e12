using System.Globalization;
using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Email;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Identity.Contracts.Users;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Modules.Payments.Autopay;

/// <summary>
/// The autopay emails, from the autopay-* templates, to the account's accounting and admin users who keep email on
/// (and finance, for an expiring card).
/// </summary>
internal sealed class AutopayNotices(IMediator mediator, IEmailSender email, AutopayOptions options)
{
    public Task RefusedAsync(Guid accountId, string invoiceNumber, Money amount, string? reason, bool gaveUp, DateOnly? nextAttempt, CancellationToken ct) =>
        SendAsync("autopay-refused", accountId, staffToo: false, new()
        {
            ["invoiceNumber"] = invoiceNumber, ["amount"] = amount.ToString(), ["reason"] = (reason ?? "the payment was refused").TrimEnd('.'),
            ["gaveUp"] = gaveUp ? "yes" : null, ["nextAttempt"] = nextAttempt is { } next ? Day(next) : "", ["payLink"] = options.BaseUrl + "/pay",
        }, ct);

    public Task NoticeAsync(AutopayAccount account, InvoiceDto invoice, DateOnly chargeOn, CancellationToken ct) =>
        SendAsync("autopay-notice", account.AccountId, staffToo: false, new()
        {
            ["invoiceNumber"] = invoice.InvoiceNumber, ["amount"] = invoice.Balance.ToString(), ["card"] = Card(account),
            ["chargeDate"] = Day(chargeOn), ["dueDate"] = Day(invoice.DueDate),
            ["skipLink"] = $"{options.BaseUrl}/autopay/skip?account={account.AccountId}&invoice={invoice.InvoiceId}",
        }, ct);

    public Task OverLimitAsync(Guid accountId, string invoiceNumber, Money amount, Money? limit, DateOnly dueDate, CancellationToken ct) =>
        SendAsync("autopay-over-limit", accountId, staffToo: false, new()
        {
            ["invoiceNumber"] = invoiceNumber, ["amount"] = amount.ToString(), ["limit"] = limit?.ToString() ?? "",
            ["dueDate"] = Day(dueDate), ["payLink"] = options.BaseUrl + "/pay",
        }, ct);

    public Task CardExpiringAsync(AutopayAccount account, DateOnly lastValidDay, DateOnly? nextCharge, CancellationToken ct) =>
        SendAsync("autopay-card-expiring", account.AccountId, staffToo: true, new()
        {
            ["card"] = Card(account), ["expiry"] = lastValidDay.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
            ["nextCharge"] = nextCharge is { } day && day > lastValidDay ? Day(day) : null, ["profileLink"] = options.BaseUrl + "/profile#autopay",
        }, ct);

    public Task StoppedAsync(Guid accountId, string reason, CancellationToken ct) =>
        SendAsync("autopay-stopped", accountId, staffToo: true, new() { ["reason"] = reason, ["profileLink"] = options.BaseUrl + "/profile#autopay" }, ct);

    public static string Card(AutopayAccount account) => $"{Brand(account.Brand)} ending {account.Last4 ?? "????"}";

    private static string Brand(string? brand) => brand switch
    {
        "visa" => "Visa",
        "mc" => "Mastercard",
        "amex" => "American Express",
        "discover" => "Discover",
        null or "" => "card",
        _ => brand,
    };

    private static string Day(DateOnly day) => day.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    private async Task SendAsync(string kind, Guid accountId, bool staffToo, Dictionary<string, string?> values, CancellationToken ct)
    {
        values["accountName"] = (await mediator.Send(new GetAccountQuery(accountId), ct))?.Name ?? "your account";
        var people = (await mediator.Send(new GetNotificationRecipientsQuery(accountId, AccountRole.Accounting), ct)).AsEnumerable();
        if (staffToo)
            people = people.Concat(await mediator.Send(new GetStaffRecipientsQuery(), ct));
        foreach (var person in people.DistinctBy(p => p.Email.ToLowerInvariant()))
        {
            values["name"] = person.Name;
            await email.SendAsync(EmailTemplates.Render(typeof(AutopayNotices).Assembly, kind, person.Email, values), ct);
        }
    }
}
