using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Modules.Invoicing.Invoices;

internal sealed class GetInvoiceQueryHandler(IDatabase db, InvoicingOptions options) : IRequestHandler<GetInvoiceQuery, InvoiceDetailDto?>
{
    public async Task<InvoiceDetailDto?> Handle(GetInvoiceQuery query, CancellationToken ct)
    {
        const string invoiceSql = $"""
            select {InvoiceRow.Columns} from invoicing_invoices
            where id = @InvoiceId and account_id = @AccountId and status <> 'scheduled' and invoice_date >= @From
            """;
        var invoice = await db.QuerySingleOrDefaultAsync<InvoiceRow>(
            invoiceSql, new { query.InvoiceId, query.AccountId, From = options.VisibleFrom(null) }, ct);
        if (invoice is null)
            return null;
        return new InvoiceDetailDto(
            invoice.Id, invoice.InvoiceNumber, invoice.InvoiceDate, invoice.DueDate, invoice.Status, Money.Dollars(invoice.TotalMinor),
            Money.Dollars(invoice.BalanceMinor), Money.Dollars(invoice.HeldMinor), invoice.AllowPartialPayment,
            await InvoiceDetailSql.LinesAsync(db, query.InvoiceId, ct), await InvoiceDetailSql.PaymentsAsync(db, query.InvoiceId, ct));
    }
}
