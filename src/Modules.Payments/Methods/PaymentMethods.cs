using MediatR;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.BuildingBlocks.Mediation;
using Portal.Modules.Payments.Adyen;
using Portal.BuildingBlocks.Messaging;
using Portal.Modules.Payments.Contracts.Autopay;
using Portal.Modules.Payments.Contracts.Methods;
using Portal.Modules.Payments.Payments;

namespace Portal.Modules.Payments.Methods;

internal sealed class GetPaymentMethodsQueryHandler(IDatabase db) : IRequestHandler<GetPaymentMethodsQuery, IReadOnlyList<PaymentMethodDto>>
{
    public async Task<IReadOnlyList<PaymentMethodDto>> Handle(GetPaymentMethodsQuery query, CancellationToken ct) =>
        (await db.QueryAsync<MethodRow>("""
            select id, type, brand, last4, expiry_month, expiry_year, is_default
            from payments_methods where account_id = @AccountId and deleted_at is null order by is_default desc, created_at
            """, query, ct))
        .Select(m => new PaymentMethodDto(m.Id, m.Type, m.Brand, m.Last4, m.ExpiryMonth, m.ExpiryYear, m.IsDefault)).ToList();

    private sealed record MethodRow
    {
        public Guid Id { get; init; }
        public string Type { get; init; } = "";
        public string? Brand { get; init; }
        public string? Last4 { get; init; }
        public int? ExpiryMonth { get; init; }
        public int? ExpiryYear { get; init; }
        public bool IsDefault { get; init; }
    }
}

/// <summary>Forgets the method here first (so it can no longer be used), then asks the processor to delete its token.</summary>
internal sealed class DeletePaymentMethodCommandHandler(IMediator mediator, AdyenCheckoutClient adyen, ILogger<DeletePaymentMethodCommandHandler> logger)
    : IRequestHandler<DeletePaymentMethodCommand, Unit>
{
    public async Task<Unit> Handle(DeletePaymentMethodCommand command, CancellationToken ct)
    {
        var token = await mediator.Send(new RemoveSavedMethodCommand(command.AccountId, command.PaymentMethodId), ct);
        try
        {
            await adyen.DeleteStoredPaymentMethodAsync(token, ShopperReference.For(command.AccountId), ct);
        }
        catch (Exception ex) when (ex is AdyenUnavailableException or AdyenApiException)
        {
            // The token is unusable from here already; a processor-side leftover is logged for finance to clean up.
            logger.LogWarning("The processor did not delete stored method {MethodId}: {Error}", command.PaymentMethodId, ex.GetType().Name);
        }
        return Unit.Value;
    }
}

internal sealed record RemoveSavedMethodCommand(Guid AccountId, Guid PaymentMethodId) : ICommand<string>;

internal sealed class RemoveSavedMethodCommandHandler(IDatabase db, IOutbox outbox, TimeProvider clock) : IRequestHandler<RemoveSavedMethodCommand, string>
{
    public async Task<string> Handle(RemoveSavedMethodCommand command, CancellationToken ct)
    {
        var removed = await db.QuerySingleOrDefaultAsync<RemovedRow>("""
            update payments_methods set deleted_at = @Now, is_default = @No
            where id = @PaymentMethodId and account_id = @AccountId and deleted_at is null
            returning token, is_default as was_default
            """, new { command.PaymentMethodId, command.AccountId, Now = clock.GetUtcNow(), No = false }, ct)
            ?? throw new NotFoundException("There is no such payment method.");
        if (removed.WasDefault)
            // Another saved method, if any, takes over as the default.
            await db.ExecuteAsync("""
                update payments_methods set is_default = @Yes where id = (
                    select id from payments_methods where account_id = @AccountId and deleted_at is null order by created_at limit 1)
                """, new { command.AccountId, Yes = true }, ct);
        // Autopay cannot run without its method: it stops, and the people who rely on it are told.
        if (await db.ExecuteAsync("""
                update payments_autopay set enabled = @No, payment_method_id = null, updated_at = @Now
                where account_id = @AccountId and enabled = @Yes and payment_method_id = @PaymentMethodId
                """, new { command.AccountId, command.PaymentMethodId, No = false, Yes = true, Now = clock.GetUtcNow() }, ct) == 1)
            outbox.Add(new AutopayStoppedEvent(command.AccountId, "the payment method it used was removed."));
        return removed.Token;
    }

    private sealed record RemovedRow
    {
        public string Token { get; init; } = "";
        public bool WasDefault { get; init; }
    }
}

internal sealed class SetDefaultPaymentMethodCommandHandler(IDatabase db) : AsyncRequestHandler<SetDefaultPaymentMethodCommand>
{
    protected override async Task Handle(SetDefaultPaymentMethodCommand command, CancellationToken ct)
    {
        // Both rows change in the command's one transaction, so there is never no default or two.
        if (await db.ExecuteAsync("update payments_methods set is_default = @Yes where id = @PaymentMethodId and account_id = @AccountId and deleted_at is null",
                new { command.PaymentMethodId, command.AccountId, Yes = true }, ct) == 0)
            throw new NotFoundException("There is no such payment method.");
        await db.ExecuteAsync("update payments_methods set is_default = @No where account_id = @AccountId and id <> @PaymentMethodId",
            new { command.PaymentMethodId, command.AccountId, No = false }, ct);
    }
}
