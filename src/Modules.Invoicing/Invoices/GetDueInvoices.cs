using FluentValidation;
using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Modules.Invoicing.Invoices;

internal sealed class GetDueInvoicesQueryValidator : AbstractValidator<GetDueInvoicesQuery>
{
    public GetDueInvoicesQueryValidator() =>
        RuleFor(q => q.AccountIds).NotNull().Must(ids => ids.Count <= 1_000).WithMessage("Ask for at most 1,000 accounts at once.");
}

internal sealed class GetDueInvoicesQueryHandler(IDatabase db, InvoicingOptions options) : IRequestHandler<GetDueInvoicesQuery, IReadOnlyList<AccountInvoiceDto>>
{
    // Dapper sends a list to Npgsql as one array parameter but expands it into (@p1, @p2, …) on SQLite, hence two texts.
    private const string Postgres = $"""
        select {InvoiceRow.Columns} from invoicing_invoices
        where account_id = any(@AccountIds) and status in ('open', 'partially_paid') and invoice_date >= @From and due_date <= @Due
        order by account_id, due_date, invoice_number
        """;

    private const string Sqlite = $"""
        select {InvoiceRow.Columns} from invoicing_invoices
        where account_id in @AccountIds and status in ('open', 'partially_paid') and invoice_date >= @From and due_date <= @Due
        order by account_id, due_date, invoice_number
        """;

    public async Task<IReadOnlyList<AccountInvoiceDto>> Handle(GetDueInvoicesQuery query, CancellationToken ct)
    {
        if (query.AccountIds.Count == 0)
            return [];
        var ids = query.AccountIds.Distinct().ToArray();
        var from = options.VisibleFrom(null);
        var due = query.DueOnOrBefore ?? DateOnly.MaxValue;
        // Dapper's list expansion on SQLite skips the Guid type handler, so SQLite gets the text form its column holds.
        var rows = db.Dialect == SqlDialect.Postgres
            ? await db.QueryAsync<InvoiceRow>(Postgres, new { AccountIds = ids, From = from, Due = due }, ct)
            : await db.QueryAsync<InvoiceRow>(Sqlite, new { AccountIds = ids.Select(id => id.ToString("D")).ToArray(), From = from, Due = due }, ct);
        return rows.Select(r => new AccountInvoiceDto(r.AccountId, r.ToDto())).ToList();
    }
}
