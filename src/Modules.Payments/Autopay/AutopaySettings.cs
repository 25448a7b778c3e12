using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.Modules.Payments.Contracts.Autopay;

namespace Portal.Modules.Payments.Autopay;

internal sealed class GetAutopayQueryHandler(IDatabase db) : IRequestHandler<GetAutopayQuery, AutopayDto>
{
    public async Task<AutopayDto> Handle(GetAutopayQuery query, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<Row>("select enabled, payment_method_id from payments_autopay where account_id = @AccountId", query, ct) is { } row
            ? new AutopayDto(row.Enabled, row.Enabled ? row.PaymentMethodId : null)
            : new AutopayDto(false, null);

    private sealed record Row
    {
        public bool Enabled { get; init; }
        public Guid? PaymentMethodId { get; init; }
    }
}

internal sealed class SetAutopayCommandHandler(IDatabase db, TimeProvider clock) : AsyncRequestHandler<SetAutopayCommand>
{
    protected override async Task Handle(SetAutopayCommand command, CancellationToken ct)
    {
        if (command.Enabled && (command.PaymentMethodId is not { } methodId || await db.ExecuteScalarAsync<long>("""
                select count(*) from payments_methods where id = @MethodId and account_id = @AccountId and deleted_at is null
                """, new { MethodId = methodId, command.AccountId }, ct) == 0))
            throw new BusinessRuleException("payment_method_not_found", "Choose one of this account's saved payment methods for autopay.");
        await db.ExecuteAsync("""
            insert into payments_autopay (account_id, enabled, payment_method_id, updated_at, updated_by)
            values (@AccountId, @Enabled, @MethodId, @Now, @ChangedBy)
            on conflict (account_id) do update set enabled = excluded.enabled, payment_method_id = excluded.payment_method_id,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """, new { command.AccountId, command.Enabled, MethodId = command.Enabled ? command.PaymentMethodId : null, Now = clock.GetUtcNow(), command.ChangedBy }, ct);
    }
}
