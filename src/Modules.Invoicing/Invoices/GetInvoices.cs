using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Modules.Invoicing.Invoices;

internal sealed class GetInvoicesQueryHandler(IDatabase db, InvoicingOptions options) : IRequestHandler<GetInvoicesQuery, Page<InvoiceDto>>
{
    public async Task<Page<InvoiceDto>> Handle(GetInvoicesQuery query, CancellationToken ct)
    {
        const string sql = $"""
            select {InvoiceRow.Columns} from invoicing_invoices
            where account_id = @AccountId and status in (@S0, @S1, @S2, @S3)
              and invoice_date >= @From and invoice_date <= @Thru
              and (due_date > @AfterDue or (due_date = @AfterDue and invoice_number > @AfterNumber))
            order by due_date, invoice_number
            limit @Take
            """;
        var limit = Page<InvoiceDto>.ClampLimit(query.Limit);
        var (afterDue, afterNumber) = InvoiceCursor.Decode(query.Cursor);
        // Padded to four fixed parameters: Dapper expands lists on SQLite but sends arrays to Npgsql, so "in @List" fits only one engine.
        string[] statuses = query.Status switch
        {
            InvoiceStatusFilter.Paid => [InvoiceStatus.Paid],
            // Customers see a voided invoice only in the full history, never among what they owe.
            InvoiceStatusFilter.All => [InvoiceStatus.Open, InvoiceStatus.PartiallyPaid, InvoiceStatus.Paid, InvoiceStatus.Void],
            _ => [InvoiceStatus.Open, InvoiceStatus.PartiallyPaid],
        };
        var rows = await db.QueryAsync<InvoiceRow>(sql, new
        {
            query.AccountId,
            S0 = statuses[0],
            S1 = statuses[Math.Min(1, statuses.Length - 1)],
            S2 = statuses[Math.Min(2, statuses.Length - 1)],
            S3 = statuses[Math.Min(3, statuses.Length - 1)],
            From = options.VisibleFrom(query.From),
            Thru = query.Thru ?? DateOnly.MaxValue,
            AfterDue = afterDue,
            AfterNumber = afterNumber,
            Take = limit + 1,
        }, ct);
        return InvoiceCursor.ToPage(rows, limit, r => r.ToDto());
    }
}

internal sealed class GetOpenInvoicesQueryHandler(IDatabase db, InvoicingOptions options) : IRequestHandler<GetOpenInvoicesQuery, IReadOnlyList<InvoiceDto>>
{
    public async Task<IReadOnlyList<InvoiceDto>> Handle(GetOpenInvoicesQuery query, CancellationToken ct)
    {
        const string sql = $"""
            select {InvoiceRow.Columns} from invoicing_invoices
            where account_id = @AccountId and status in ('open', 'partially_paid') and invoice_date >= @From
            order by due_date, invoice_number
            """;
        var rows = await db.QueryAsync<InvoiceRow>(sql, new { query.AccountId, From = options.VisibleFrom(null) }, ct);
        return rows.Select(r => r.ToDto()).ToList();
    }
}

internal sealed class GetAccountBalanceQueryHandler(IDatabase db, InvoicingOptions options, TimeProvider clock)
    : IRequestHandler<GetAccountBalanceQuery, AccountBalanceDto>
{
    public async Task<AccountBalanceDto> Handle(GetAccountBalanceQuery query, CancellationToken ct)
    {
        const string sql = """
            select cast(coalesce(sum(balance_minor), 0) as bigint) as open_minor,
                   cast(coalesce(sum(case when due_date < @Today then balance_minor else 0 end), 0) as bigint) as overdue_minor,
                   cast(coalesce(sum(held_minor), 0) as bigint) as held_minor,
                   min(case when due_date >= @Today then due_date end) as next_due_date
            from invoicing_invoices
            where account_id = @AccountId and status in ('open', 'partially_paid') and invoice_date >= @From
            """;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var row = await db.QuerySingleOrDefaultAsync<BalanceRow>(sql, new { query.AccountId, Today = today, From = options.VisibleFrom(null) }, ct)
            ?? new BalanceRow();
        return new AccountBalanceDto(Money.Dollars(row.OpenMinor), Money.Dollars(row.OverdueMinor), Money.Dollars(row.HeldMinor), row.NextDueDate);
    }

    private sealed record BalanceRow
    {
        public long OpenMinor { get; init; }

        public long OverdueMinor { get; init; }

        public long HeldMinor { get; init; }

        public DateOnly? NextDueDate { get; init; }
    }
}
