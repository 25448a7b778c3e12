using FluentValidation;
using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.Modules.Payments.Contracts.Autopay;

namespace Portal.Modules.Payments.Autopay;

internal sealed class GetAutopayQueryHandler(IDatabase db) : IRequestHandler<GetAutopayQuery, AutopayDto>
{
    public async Task<AutopayDto> Handle(GetAutopayQuery query, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<Row>("""
            select enabled, payment_method_id, charge_on, max_amount_minor, max_amount_currency from payments_autopay where account_id = @AccountId
            """, query, ct) is { } row
            ? new AutopayDto(row.Enabled, row.Enabled ? row.PaymentMethodId : null, AutopaySettingNames.ToApi(row.ChargeOn),
                row.MaxAmountMinor is { } max ? new Money(row.MaxAmountCurrency ?? Money.Usd, max) : null)
            : new AutopayDto(false, null);

    private sealed record Row
    {
        public bool Enabled { get; init; }
        public Guid? PaymentMethodId { get; init; }
        public string ChargeOn { get; init; } = AutopayRules.OnDueDate;
        public long? MaxAmountMinor { get; init; }
        public string? MaxAmountCurrency { get; init; }
    }
}

internal sealed class SetAutopayCommandValidator : AbstractValidator<SetAutopayCommand>
{
    public SetAutopayCommandValidator()
    {
        RuleFor(c => c.ChargeOn).Must(v => v is null or AutopaySettingNames.DueDate or AutopaySettingNames.Posting)
            .WithName("chargeOn").WithMessage("Say dueDate or posting.");
        RuleFor(c => c.MaxAmount).Must(m => m is null || (m.Value.Currency == Money.Usd && m.Value.Value is > 0 and <= 100_000_000_00))
            .WithName("maxAmount").WithMessage("The limit is an amount in USD above zero, or null for no limit.");
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
            insert into payments_autopay (account_id, enabled, payment_method_id, updated_at, updated_by, charge_on, max_amount_minor, max_amount_currency)
            values (@AccountId, @Enabled, @MethodId, @Now, @ChangedBy, @ChargeOn, @MaxMinor, @MaxCurrency)
            on conflict (account_id) do update set enabled = excluded.enabled, payment_method_id = excluded.payment_method_id,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by, charge_on = excluded.charge_on,
                max_amount_minor = excluded.max_amount_minor, max_amount_currency = excluded.max_amount_currency
            """, new
        {
            command.AccountId, command.Enabled, MethodId = command.Enabled ? command.PaymentMethodId : null, Now = clock.GetUtcNow(), command.ChangedBy,
            ChargeOn = AutopaySettingNames.FromApi(command.ChargeOn), MaxMinor = command.MaxAmount?.Value, MaxCurrency = command.MaxAmount?.Currency,
        }, ct);
    }
}

// The API says dueDate/posting; the table keeps snake_case values like every other status column.
internal static class AutopaySettingNames
{
    public const string DueDate = "dueDate";
    public const string Posting = "posting";

    public static string ToApi(string stored) => stored == AutopayRules.OnPosting ? Posting : DueDate;

    public static string FromApi(string? api) => api == Posting ? AutopayRules.OnPosting : AutopayRules.OnDueDate;
}
