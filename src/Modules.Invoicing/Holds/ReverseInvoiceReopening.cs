using FluentValidation;
using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Messaging;
using Portal.Modules.Invoicing.Contracts.Holds;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Invoicing.Invoices;

namespace Portal.Modules.Invoicing.Holds;

internal sealed class ReverseInvoiceReopeningCommandValidator : AbstractValidator<ReverseInvoiceReopeningCommand>
{
    public ReverseInvoiceReopeningCommandValidator()
    {
        RuleFor(c => c.PaymentId).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(200);
    }
}

internal sealed class ReverseInvoiceReopeningCommandHandler(IDatabase db, IOutbox outbox, TimeProvider clock)
    : IRequestHandler<ReverseInvoiceReopeningCommand, IReadOnlyList<AllocationDto>>
{
    private const string SqliteLinesSql = """
        select l.invoice_id, l.amount_minor, i.balance_minor - i.held_minor as available_minor, i.status
        from invoicing_reopening_lines l join invoicing_invoices i on i.id = l.invoice_id
        where l.payment_id = @PaymentId and l.reason = @Reason order by l.invoice_id
        """;

    private const string PostgresLinesSql = """
        select l.invoice_id, l.amount_minor, i.balance_minor - i.held_minor as available_minor, i.status
        from invoicing_reopening_lines l join invoicing_invoices i on i.id = l.invoice_id
        where l.payment_id = @PaymentId and l.reason = @Reason order by l.invoice_id for update of i
        """;

    public async Task<IReadOnlyList<AllocationDto>> Handle(ReverseInvoiceReopeningCommand command, CancellationToken ct)
    {
        // The reversed_at guard claims the reopening: a redelivery or a concurrent twin finds nothing left to reverse.
        const string claimSql = """
            update invoicing_reopenings set reversed_at = @Now
            where payment_id = @PaymentId and reason = @Reason and reversed_at is null
            """;
        if (await db.ExecuteAsync(claimSql, new { command.PaymentId, command.Reason, Now = clock.GetUtcNow() }, ct) == 0)
            return [];

        var lines = await db.QueryAsync<LineRow>(db.Dialect == SqlDialect.Postgres ? PostgresLinesSql : SqliteLinesSql, command, ct);
        const string holdSql = "update invoicing_holds set reopened_minor = reopened_minor - @Amount where payment_id = @PaymentId and invoice_id = @InvoiceId";
        const string lineSql = """
            update invoicing_reopening_lines set reversed_minor = reversed_minor + @Amount
            where payment_id = @PaymentId and reason = @Reason and invoice_id = @InvoiceId
            """;
        const string invoiceSql = """
            update invoicing_invoices
            set balance_minor = balance_minor - @Amount,
                status = case when balance_minor - @Amount = 0 then 'paid' else 'partially_paid' end
            where id = @InvoiceId
            returning account_id, balance_minor, status
            """;
        var applied = new List<AllocationDto>();
        foreach (var line in lines)
        {
            // What was paid again since, or is held by a payment in flight, cannot be taken twice; the caller reports the rest.
            var take = line.Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid ? Math.Min(line.AmountMinor, line.AvailableMinor) : 0;
            if (take <= 0)
                continue;
            await db.ExecuteAsync(holdSql, new { command.PaymentId, line.InvoiceId, Amount = take }, ct);
            await db.ExecuteAsync(lineSql, new { command.PaymentId, command.Reason, line.InvoiceId, Amount = take }, ct);
            var invoice = await db.QuerySingleOrDefaultAsync<HoldsSql.BalanceRow>(invoiceSql, new { line.InvoiceId, Amount = take }, ct);
            outbox.Add(new InvoiceBalanceChangedEvent(line.InvoiceId, invoice!.AccountId, command.PaymentId, Money.Dollars(invoice.BalanceMinor), invoice.Status));
            if (invoice.Status == InvoiceStatus.Paid)
                outbox.Add(new InvoicePaidEvent(line.InvoiceId, invoice.AccountId, command.PaymentId));
            applied.Add(new AllocationDto(line.InvoiceId, Money.Dollars(take)));
        }
        return applied;
    }

    private sealed record LineRow
    {
        public Guid InvoiceId { get; init; }
        public long AmountMinor { get; init; }
        public long AvailableMinor { get; init; }
        public string Status { get; init; } = "";
    }
}
