using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Modules.Invoicing.Invoices;

internal sealed class GetBackofficeInvoiceQueryHandler(IDatabase db) : IRequestHandler<GetBackofficeInvoiceQuery, BackofficeInvoiceDetailDto?>
{
    public async Task<BackofficeInvoiceDetailDto?> Handle(GetBackofficeInvoiceQuery query, CancellationToken ct)
    {
        const string invoiceSql = $"select {InvoiceRow.Columns} from invoicing_invoices where id = @InvoiceId";
        const string linesSql = """
            select description, quantity_e4, unit_price_minor, amount_minor from invoicing_invoice_lines
            where invoice_id = @InvoiceId order by line_no
            """;
        // Finance sees what the customer sees: held amounts as pending payments, applied ones net of refunds and chargebacks.
        const string paymentsSql = """
            select payment_id, amount_minor - reopened_minor as amount_minor, status, created_at, applied_at from invoicing_holds
            where invoice_id = @InvoiceId and status in ('held', 'applied')
            order by created_at, seq
            """;
        var invoice = await db.QuerySingleOrDefaultAsync<InvoiceRow>(invoiceSql, query, ct);
        if (invoice is null)
            return null;
        var lines = await db.QueryAsync<LineRow>(linesSql, query, ct);
        var payments = await db.QueryAsync<HoldRow>(paymentsSql, query, ct);
        return new BackofficeInvoiceDetailDto(
            invoice.ToBackofficeDto(),
            lines.Select(l => new InvoiceLineDto(
                l.Description, Invoice.FromQuantityE4(l.QuantityE4), Money.Dollars(l.UnitPriceMinor), Money.Dollars(l.AmountMinor))).ToList(),
            payments.Select(p => new InvoicePaymentDto(
                p.PaymentId, Money.Dollars(p.AmountMinor), p.Status == "held" ? "pending" : "applied",
                DateOnly.FromDateTime((p.AppliedAt ?? p.CreatedAt).UtcDateTime))).ToList());
    }

    private sealed record LineRow
    {
        public string Description { get; init; } = "";

        public long QuantityE4 { get; init; }

        public long UnitPriceMinor { get; init; }

        public long AmountMinor { get; init; }
    }

    private sealed record HoldRow
    {
        public Guid PaymentId { get; init; }

        public long AmountMinor { get; init; }

        public string Status { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset? AppliedAt { get; init; }
    }
}
