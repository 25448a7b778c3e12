using System.Net;
using MediatR;
using Portal.BuildingBlocks.Email;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Identity.Contracts.Users;
using Portal.Modules.Payments.Contracts.Autopay;

namespace Portal.Modules.Payments.Autopay;

/// <summary>Tells the account's accounting and admin users, and finance, that autopay no longer runs for the account.</summary>
internal sealed class AutopayStoppedEventHandler(IMediator mediator, IEmailSender email) : INotificationHandler<AutopayStoppedEvent>
{
    public async Task Handle(AutopayStoppedEvent stopped, CancellationToken ct)
    {
        var account = await mediator.Send(new GetAccountQuery(stopped.AccountId), ct);
        var name = account?.Name ?? "your account";
        var people = (await mediator.Send(new GetNotificationRecipientsQuery(stopped.AccountId, AccountRole.Accounting), ct))
            .Concat(await mediator.Send(new GetStaffRecipientsQuery(), ct));
        foreach (var person in people.DistinctBy(p => p.Email.ToLowerInvariant()))
            await email.SendAsync(new EmailMessage(person.Email, $"Autopay is off for {name}",
                $"Hello {person.Name},\n\nAutopay for {name} is now off: {stopped.Reason}\nInvoices will not be charged automatically until someone "
                + "turns autopay on again with a saved payment method (Profile page).\n",
                $"<p>Hello {WebUtility.HtmlEncode(person.Name)},</p><p>Autopay for <strong>{WebUtility.HtmlEncode(name)}</strong> is now off: "
                + $"{WebUtility.HtmlEncode(stopped.Reason)}</p><p>Invoices will not be charged automatically until someone turns autopay on again "
                + "with a saved payment method (Profile page).</p>"), ct);
    }
}
