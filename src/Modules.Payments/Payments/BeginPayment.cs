using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.BuildingBlocks.Mediation;
using Portal.Modules.Invoicing.Contracts.Holds;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.Modules.Payments.Payments;

/// <summary>
/// Records the payment under its idempotency key and holds the invoice balances, in one transaction: if the holds are
/// refused nothing is left behind. A key already used returns that payment instead (409 when the body differs).
/// </summary>
internal sealed record BeginPaymentCommand(PayCommand Pay, string RequestHash) : ICommand<BegunPayment>;

internal sealed record BegunPayment(Guid PaymentId, bool IsNew, string Status, DateTimeOffset CreatedAt, SavedMethod? Stored);

internal sealed record SavedMethod(string Token, string Type, string? Brand, string? Last4);

internal sealed class BeginPaymentCommandHandler(IDatabase db, IMediator mediator, TimeProvider clock, RefusalLimit refusals)
    : IRequestHandler<BeginPaymentCommand, BegunPayment>
{
    public async Task<BegunPayment> Handle(BeginPaymentCommand command, CancellationToken ct)
    {
        var pay = command.Pay;
        if (await ExistingAsync(pay, command.RequestHash, ct) is { } existing)
            return existing;
        if (!pay.MerchantInitiated)
            await refusals.CheckAsync(pay.AccountId, pay.PaidBy, ct);
        var stored = pay.Method.StoredPaymentMethodId is { } methodId ? await SavedMethodAsync(pay.AccountId, methodId, ct) : null;
        var now = clock.GetUtcNow();
        var paymentId = Guid.CreateVersion7(now);
        const string insert = """
            insert into payments_payments (id, account_id, idempotency_key, request_hash, paid_by, amount_minor, amount_currency, status,
                method_type, brand, last4, stored_method_id, save_method, merchant_initiated, created_at, updated_at)
            values (@Id, @AccountId, @Key, @Hash, @PaidBy, @Amount, @Currency, 'processing', @MethodType, @Brand, @Last4, @StoredId, @Save, @Mit, @Now, @Now)
            on conflict (account_id, idempotency_key) do nothing
            """;
        var inserted = await db.ExecuteAsync(insert, new
        {
            Id = paymentId, pay.AccountId, Key = pay.IdempotencyKey, Hash = command.RequestHash, pay.PaidBy, Amount = pay.Amount.Value,
            pay.Amount.Currency, MethodType = stored?.Type ?? PaymentRequestHash.MethodType(pay.Method), stored?.Brand, stored?.Last4,
            StoredId = pay.Method.StoredPaymentMethodId, Save = pay.SavePaymentMethod && stored is null, Mit = pay.MerchantInitiated, Now = now,
        }, ct);
        if (inserted == 0)
            // Another request with this key committed between our read and our insert.
            return await ExistingAsync(pay, command.RequestHash, ct) ?? throw new ConflictException("The payment could not be recorded; try again.");

        var held = await mediator.Send(new PlaceHoldsCommand(paymentId, pay.AccountId, pay.Amount,
            pay.Allocations?.Select(a => new AllocationDto(a.InvoiceId, a.Amount)).ToList()), ct);
        foreach (var allocation in held)
            await db.ExecuteAsync("""
                insert into payments_allocations (payment_id, invoice_id, amount_minor, amount_currency) values (@PaymentId, @InvoiceId, @Amount, @Currency)
                """, new { PaymentId = paymentId, allocation.InvoiceId, Amount = allocation.Amount.Value, allocation.Amount.Currency }, ct);
        return new BegunPayment(paymentId, true, PaymentStatus.Processing, now, stored);
    }

    private async Task<BegunPayment?> ExistingAsync(PayCommand pay, string hash, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<ExistingRow>("""
            select id, request_hash, status, created_at, stored_method_id from payments_payments
            where account_id = @AccountId and idempotency_key = @Key
            """, new { pay.AccountId, Key = pay.IdempotencyKey }, ct);
        if (row is null)
            return null;
        if (row.RequestHash != hash)
            throw new ConflictException("This Idempotency-Key was already used for a different payment; use a new key for a new payment.");
        var stored = row.StoredMethodId is { } id ? await SavedMethodAsync(pay.AccountId, id, ct, includeDeleted: true) : null;
        return new BegunPayment(row.Id, false, row.Status, row.CreatedAt, stored);
    }

    private async Task<SavedMethod> SavedMethodAsync(Guid accountId, Guid methodId, CancellationToken ct, bool includeDeleted = false) =>
        await db.QuerySingleOrDefaultAsync<SavedMethod>("""
            select token, type, brand, last4 from payments_methods
            where id = @Id and account_id = @AccountId and (deleted_at is null or @IncludeDeleted)
            """, new { Id = methodId, AccountId = accountId, IncludeDeleted = includeDeleted }, ct)
        ?? throw new BusinessRuleException("payment_method_not_found", "That saved payment method does not exist on this account.");

    private sealed record ExistingRow
    {
        public Guid Id { get; init; }
        public string RequestHash { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public Guid? StoredMethodId { get; init; }
    }
}

internal static class PaymentStatus
{
    public const string Processing = "processing";
    public const string Authorised = "authorised";
    public const string Pending = "pending";
    public const string Refused = "refused";
    public const string Error = "error";
    public const string Unknown = "unknown";
    public const string Cancelled = "cancelled";

    // Read-side only (GetPayments): an authorised payment some or all of which was refunded.
    public const string PartiallyRefunded = "partially_refunded";
    public const string Refunded = "refunded";

    public static bool IsFinal(string status) => status is Authorised or Refused or Error or Cancelled;
}
