using System.Net;
using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Email;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Users;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Modules.Payments.Autopay;

/// <summary>Emails the account's billing people when an autopay charge is refused, and when autopay gives up on an invoice.</summary>
internal sealed class AutopayNotices(IMediator mediator, IEmailSender email)
{
    public async Task RefusedAsync(Guid accountId, InvoiceDto invoice, Money amount, string? reason, bool gaveUp, CancellationToken ct)
    {
        var next = gaveUp ? "Autopay will not try this invoice again; please pay it on the Pay page." : "Autopay will try again in a few days.";
        foreach (var person in await mediator.Send(new GetNotificationRecipientsQuery(accountId, AccountRole.Accounting), ct))
            await email.SendAsync(new EmailMessage(person.Email, $"Autopay charge refused: invoice {invoice.InvoiceNumber}",
                $"Hello {person.Name},\n\nAutopay could not charge {amount} for invoice {invoice.InvoiceNumber}: {reason ?? "the payment was refused"}.\n{next}\n",
                $"<p>Hello {WebUtility.HtmlEncode(person.Name)},</p><p>Autopay could not charge <strong>{amount}</strong> for invoice "
                + $"{WebUtility.HtmlEncode(invoice.InvoiceNumber)}: {WebUtility.HtmlEncode(reason ?? "the payment was refused")}.</p><p>{next}</p>"), ct);
    }
}
