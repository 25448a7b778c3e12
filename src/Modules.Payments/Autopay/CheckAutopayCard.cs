using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.BuildingBlocks.Messaging;
using Portal.Modules.Payments.Contracts.Autopay;

namespace Portal.Modules.Payments.Autopay;

/// <summary>
/// Before charging an account: an expired autopay card stops autopay (false); one expiring within a month, or before the
/// next charge, is reported once per method and expiry to the account and finance. True when autopay goes on.
/// </summary>
internal sealed record CheckAutopayCardCommand(AutopayAccount Account, DateOnly? NextChargeOn) : IWorkflowCommand<bool>;

internal sealed class CheckAutopayCardCommandHandler(IDatabase db, IMediator mediator, AutopayNotices notices, TimeProvider clock)
    : IRequestHandler<CheckAutopayCardCommand, bool>
{
    public async Task<bool> Handle(CheckAutopayCardCommand command, CancellationToken ct)
    {
        var account = command.Account;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (account.LastValidDay is not { } lastValid)
            return true;
        if (lastValid < today)
        {
            await mediator.Send(new StopExpiredAutopayCommand(account.AccountId, account.PaymentMethodId), ct);
            return false;
        }
        if (lastValid >= today.AddMonths(1) && !(command.NextChargeOn > lastValid))
            return true;
        if (await db.ExecuteAsync("""
                insert into payments_autopay_expiry_alerts (payment_method_id, expiry, account_id, created_at) values (@MethodId, @Expiry, @AccountId, @Now)
                on conflict (payment_method_id, expiry) do nothing
                """, new { MethodId = account.PaymentMethodId, Expiry = lastValid.ToString("yyyy-MM"), account.AccountId, Now = clock.GetUtcNow() }, ct) == 1)
            await notices.CardExpiringAsync(account, lastValid, command.NextChargeOn, ct);
        return true;
    }
}

/// <summary>Turns autopay off because its card expired; the stopped event tells the account and finance.</summary>
internal sealed record StopExpiredAutopayCommand(Guid AccountId, Guid PaymentMethodId) : ICommand;

internal sealed class StopExpiredAutopayCommandHandler(IDatabase db, IOutbox outbox, TimeProvider clock) : AsyncRequestHandler<StopExpiredAutopayCommand>
{
    protected override async Task Handle(StopExpiredAutopayCommand command, CancellationToken ct)
    {
        // Guarded by the method still being the autopay one, so a concurrent run or a customer's change is never undone.
        if (await db.ExecuteAsync("""
                update payments_autopay set enabled = @No, updated_at = @Now
                where account_id = @AccountId and enabled = @Yes and payment_method_id = @PaymentMethodId
                """, new { command.AccountId, command.PaymentMethodId, No = false, Yes = true, Now = clock.GetUtcNow() }, ct) == 1)
            outbox.Add(new AutopayStoppedEvent(command.AccountId, "the card it used has expired."));
    }
}
