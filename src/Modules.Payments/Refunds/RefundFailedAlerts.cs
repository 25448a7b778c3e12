using MediatR;
using Portal.BuildingBlocks.Email;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Identity.Contracts.Users;

namespace Portal.Modules.Payments.Refunds;

/// <summary>Finance hears of every refund the scheme rejected: the customer did not get the money back and someone must act.</summary>
internal sealed class RefundFailedEventHandler(IMediator mediator, IEmailSender email) : INotificationHandler<RefundFailedEvent>
{
    public async Task Handle(RefundFailedEvent failed, CancellationToken ct)
    {
        var account = await mediator.Send(new GetAccountQuery(failed.AccountId), ct);
        var values = new Dictionary<string, string?>
        {
            ["amount"] = failed.Amount.ToString(),
            ["account"] = account is null ? "an account" : $"{account.Name} ({account.AccountNumber})",
            ["paymentId"] = failed.PaymentId.ToString("N"),
            ["refundId"] = failed.RefundId.ToString("N"),
            ["wasConfirmed"] = failed.WasConfirmed ? "yes" : null,
            ["notReapplied"] = failed.NotReapplied.Value > 0 ? failed.NotReapplied.ToString() : null,
        };
        foreach (var staff in await mediator.Send(new GetStaffRecipientsQuery(), ct))
            await email.SendAsync(EmailTemplates.Render(typeof(RefundFailedEventHandler).Assembly, "refund-failed", staff.Email,
                new Dictionary<string, string?>(values) { ["name"] = staff.Name }), ct);
    }
}
