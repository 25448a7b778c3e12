using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Modules.Invoicing.Invoices;

internal sealed class GetBackofficeInvoiceQueryHandler(IDatabase db) : IRequestHandler<GetBackofficeInvoiceQuery, BackofficeInvoiceDetailDto?>
{
    public async Task<BackofficeInvoiceDetailDto?> Handle(GetBackofficeInvoiceQuery query, CancellationToken ct)
    {
        const string invoiceSql = $"select {InvoiceRow.Columns} from invoicing_invoices where id = @InvoiceId";
        var invoice = await db.QuerySingleOrDefaultAsync<InvoiceRow>(invoiceSql, query, ct);
        if (invoice is null)
            return null;
        // Finance sees what the customer sees.
        return new BackofficeInvoiceDetailDto(invoice.ToBackofficeDto(),
            await InvoiceDetailSql.LinesAsync(db, query.InvoiceId, ct), await InvoiceDetailSql.PaymentsAsync(db, query.InvoiceId, ct));
    }
}
