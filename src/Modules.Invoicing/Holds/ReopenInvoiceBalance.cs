using FluentValidation;
using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.BuildingBlocks.Messaging;
using Portal.Modules.Invoicing.Contracts.Holds;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Modules.Invoicing.Holds;

internal sealed class ReopenInvoiceBalanceCommandValidator : AbstractValidator<ReopenInvoiceBalanceCommand>
{
    public ReopenInvoiceBalanceCommandValidator()
    {
        RuleFor(c => c.PaymentId).NotEmpty();
        RuleFor(c => c.Amount.Value).GreaterThan(0).WithName("Amount");
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(200);
    }
}

internal sealed class ReopenInvoiceBalanceCommandHandler(IDatabase db, IOutbox outbox, TimeProvider clock)
    : IRequestHandler<ReopenInvoiceBalanceCommand, IReadOnlyList<AllocationDto>>
{
    private const string PostgresHoldsSql = """
        select invoice_id, amount_minor - reopened_minor as amount_minor from invoicing_holds
        where payment_id = @PaymentId and status = 'applied' order by seq desc for update
        """;

    private const string SqliteHoldsSql = """
        select invoice_id, amount_minor - reopened_minor as amount_minor from invoicing_holds
        where payment_id = @PaymentId and status = 'applied' order by seq desc
        """;

    public async Task<IReadOnlyList<AllocationDto>> Handle(ReopenInvoiceBalanceCommand command, CancellationToken ct)
    {
        if (command.Amount.Currency != Money.Usd)
            throw new BusinessRuleException("currency_not_supported", "Only US dollars are accepted.");

        // The (payment, reason) key makes a redelivered refund or chargeback a no-op; a concurrent twin waits on it.
        const string claimSql = """
            insert into invoicing_reopenings (payment_id, reason, amount_minor, amount_currency, created_at)
            values (@PaymentId, @Reason, @Amount, 'USD', @Now)
            on conflict (payment_id, reason) do nothing
            """;
        if (await db.ExecuteAsync(claimSql, new { command.PaymentId, command.Reason, Amount = command.Amount.Value, Now = clock.GetUtcNow() }, ct) == 0)
            return [];

        var holds = await db.QueryAsync<HoldsSql.HoldRow>(
            db.Dialect == SqlDialect.Postgres ? PostgresHoldsSql : SqliteHoldsSql, new { command.PaymentId }, ct);
        var left = command.Amount.Value;
        var reopened = new List<(Guid InvoiceId, long AmountMinor)>();
        foreach (var hold in holds.Where(h => h.AmountMinor > 0).TakeWhile(_ => left > 0))
        {
            var take = Math.Min(left, hold.AmountMinor);
            reopened.Add((hold.InvoiceId, take));
            left -= take;
        }
        if (left > 0 && !command.UpToApplied)
            throw new BusinessRuleException("reopen_exceeds_applied", "More is given back than the payment applied to invoices.");

        const string holdSql = "update invoicing_holds set reopened_minor = reopened_minor + @Amount where payment_id = @PaymentId and invoice_id = @InvoiceId";
        // Remembered per reason, so a failed refund can put back exactly what it reopened (ReverseInvoiceReopeningCommand).
        const string lineSql = """
            insert into invoicing_reopening_lines (payment_id, reason, invoice_id, amount_minor) values (@PaymentId, @Reason, @InvoiceId, @Amount)
            """;
        const string invoiceSql = """
            update invoicing_invoices
            set balance_minor = balance_minor + @Amount,
                status = case when balance_minor + @Amount >= total_minor then 'open' else 'partially_paid' end
            where id = @InvoiceId
            returning account_id, balance_minor, status
            """;
        foreach (var (invoiceId, amount) in reopened.OrderBy(r => r.InvoiceId))
        {
            await db.ExecuteAsync(holdSql, new { command.PaymentId, InvoiceId = invoiceId, Amount = amount }, ct);
            await db.ExecuteAsync(lineSql, new { command.PaymentId, command.Reason, InvoiceId = invoiceId, Amount = amount }, ct);
            var invoice = await db.QuerySingleOrDefaultAsync<HoldsSql.BalanceRow>(invoiceSql, new { InvoiceId = invoiceId, Amount = amount }, ct);
            outbox.Add(new InvoiceBalanceChangedEvent(invoiceId, invoice!.AccountId, command.PaymentId, Money.Dollars(invoice.BalanceMinor), invoice.Status));
        }
        return reopened.Select(r => new AllocationDto(r.InvoiceId, Money.Dollars(r.AmountMinor))).ToList();
    }
}
