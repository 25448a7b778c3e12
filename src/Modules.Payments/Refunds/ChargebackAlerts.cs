using System.Net;
using MediatR;
using Portal.BuildingBlocks.Email;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Identity.Contracts.Users;
using Portal.Modules.Payments.Contracts.Refunds;

namespace Portal.Modules.Payments.Refunds;

/// <summary>Finance hears of every chargeback at once: the invoices it paid are owed again.</summary>
internal sealed class PaymentChargedBackEventHandler(IMediator mediator, IEmailSender email) : INotificationHandler<PaymentChargedBackEvent>
{
    public async Task Handle(PaymentChargedBackEvent chargeback, CancellationToken ct)
    {
        var account = await mediator.Send(new GetAccountQuery(chargeback.AccountId), ct);
        var who = account is null ? "an account" : $"{account.Name} ({account.AccountNumber})";
        // Refunds had already given part of it back: that part cannot be owed again and is a loss to follow up.
        var open = chargeback.Loss is { } loss
            ? $"{loss} of it had already been refunded and is recorded as a loss; the rest of what it paid is owed again on its invoices."
            : "The invoices it paid are open again.";
        foreach (var staff in await mediator.Send(new GetStaffRecipientsQuery(), ct))
            await email.SendAsync(new EmailMessage(staff.Email, $"Chargeback: {chargeback.Amount} from {who}",
                $"Hello {staff.Name},\n\nThe processor took {chargeback.Amount} back from payment {chargeback.PaymentId:N} of {who}"
                + $" (reason: {chargeback.Reason ?? "not given"}). {open}\n",
                $"<p>Hello {WebUtility.HtmlEncode(staff.Name)},</p><p>The processor took <strong>{chargeback.Amount}</strong> back from payment "
                + $"{chargeback.PaymentId:N} of {WebUtility.HtmlEncode(who)} (reason: {WebUtility.HtmlEncode(chargeback.Reason ?? "not given")}). "
                + $"{WebUtility.HtmlEncode(open)}</p>"), ct);
    }
}
