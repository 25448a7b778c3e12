using FluentValidation;
using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.Modules.Invoicing.Contracts.Holds;
using Portal.Modules.Invoicing.Invoices;

namespace Portal.Modules.Invoicing.Holds;

internal sealed class PlaceHoldsCommandValidator : AbstractValidator<PlaceHoldsCommand>
{
    public PlaceHoldsCommandValidator()
    {
        RuleFor(c => c.PaymentId).NotEmpty();
        RuleFor(c => c.AccountId).NotEmpty();
        RuleFor(c => c.Amount.Value).GreaterThan(0).WithName("Amount");
        RuleFor(c => c.Allocations).Must(a => a is null || a.Count <= 200).WithMessage("At most 200 allocations.")
            .Must(a => a is null || a.Select(x => x.InvoiceId).Distinct().Count() == a.Count).WithMessage("Each invoice may be allocated once.")
            .Must((c, a) => a is null || a.Count == 0 || a.Sum(x => x.Amount.Value) == c.Amount.Value)
            .WithMessage("Allocations must add up to the amount.");
        RuleForEach(c => c.Allocations).Must(a => a.Amount.Value > 0).WithMessage("Each allocation must be positive.");
    }
}

// Only the invoices the customer sees (dated on or after the cutover) can be held, capped or auto-applied to.
internal sealed class PlaceHoldsCommandHandler(IDatabase db, InvoicingOptions options, TimeProvider clock) : IRequestHandler<PlaceHoldsCommand, IReadOnlyList<AllocationDto>>
{
    // Locks the rows it decides on, in id order so two payments never deadlock; SQLite's writer lock already serialises.
    private const string PostgresLockSql = """
        select id, invoice_number, due_date, status, allow_partial_payment, balance_minor - held_minor as available_minor
        from invoicing_invoices
        where account_id = @AccountId and invoice_date >= @VisibleFrom and (status in ('open', 'partially_paid') or id = any(@Ids))
        order by id for update
        """;

    private const string SqliteLockSql = """
        select id, invoice_number, due_date, status, allow_partial_payment, balance_minor - held_minor as available_minor
        from invoicing_invoices
        where account_id = @AccountId and invoice_date >= @VisibleFrom and (status in ('open', 'partially_paid') or id in @Ids)
        order by id
        """;

    public async Task<IReadOnlyList<AllocationDto>> Handle(PlaceHoldsCommand command, CancellationToken ct)
    {
        if (command.Amount.Currency != Money.Usd || command.Allocations?.Any(a => a.Amount.Currency != Money.Usd) == true)
            throw new BusinessRuleException("currency_not_supported", "Only US dollars are accepted.");

        var ids = command.Allocations?.Select(a => a.InvoiceId).ToArray() ?? [];
        // Npgsql takes the array as one uuid[] parameter; on SQLite Dapper expands the list, and ids are stored as text.
        var invoices = db.Dialect == SqlDialect.Postgres
            ? await db.QueryAsync<HoldableRow>(PostgresLockSql, new { command.AccountId, Ids = ids, VisibleFrom = options.VisibleFrom(null) }, ct)
            : await db.QueryAsync<HoldableRow>(SqliteLockSql,
                new { command.AccountId, Ids = ids.Select(i => i.ToString("D")).ToArray(), VisibleFrom = options.VisibleFrom(null) }, ct);

        // Checked under the lock, so a retry racing the first attempt still finds its holds.
        var existing = await HoldsSql.HoldsOfPaymentAsync(db, command.PaymentId, ct);
        if (existing.Count > 0)
            return existing;

        var allocations = HoldAllocator.Allocate(
            invoices.Select(r => r.ToHoldable()).ToList(), command.Amount.Value, command.Allocations?.Select(a => (a.InvoiceId, a.Amount.Value)).ToList());

        const string insertSql = """
            insert into invoicing_holds (payment_id, invoice_id, seq, account_id, amount_minor, amount_currency, status, created_at)
            values (@PaymentId, @InvoiceId, @Seq, @AccountId, @Amount, 'USD', 'held', @Now)
            """;
        const string holdSql = """
            update invoicing_invoices set held_minor = held_minor + @Amount
            where id = @InvoiceId and status in ('open', 'partially_paid') and balance_minor - held_minor >= @Amount
            """;
        var now = clock.GetUtcNow();
        foreach (var (allocation, seq) in allocations.Select((a, i) => (a, i)))
        {
            var hold = new { command.PaymentId, allocation.InvoiceId, Seq = seq, command.AccountId, Amount = allocation.AmountMinor, Now = now };
            // The guard is the last line of defence: a hold never takes a balance below what other holds already reserve.
            if (await db.ExecuteAsync(holdSql, hold, ct) != 1)
                throw new BusinessRuleException("amount_exceeds_open_balance", "The amount exceeds the open balance.");
            await db.ExecuteAsync(insertSql, hold, ct);
        }
        return allocations.Select(a => new AllocationDto(a.InvoiceId, Money.Dollars(a.AmountMinor))).ToList();
    }

    private sealed record HoldableRow
    {
        public Guid Id { get; init; }

        public string InvoiceNumber { get; init; } = "";

        public DateOnly DueDate { get; init; }

        public string Status { get; init; } = "";

        public bool AllowPartialPayment { get; init; }

        public long AvailableMinor { get; init; }

        public HoldableInvoice ToHoldable() => new(Id, InvoiceNumber, DueDate, Status, AllowPartialPayment, AvailableMinor);
    }
}
