using MediatR;
using Portal.Modules.Payments.Contracts.Autopay;

namespace Portal.Modules.Payments.Autopay;

/// <summary>Tells the account's accounting and admin users, and finance, that autopay no longer runs for the account.</summary>
internal sealed class AutopayStoppedEventHandler(AutopayNotices notices) : INotificationHandler<AutopayStoppedEvent>
{
    public Task Handle(AutopayStoppedEvent stopped, CancellationToken ct) => notices.StoppedAsync(stopped.AccountId, stopped.Reason, ct);
}
