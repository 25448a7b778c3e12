using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Modules.Invoicing.Invoices;

/// <summary>An invoice's lines and the payments on it, as the customer and finance both see them.</summary>
internal static class InvoiceDetailSql
{
    public static async Task<IReadOnlyList<InvoiceLineDto>> LinesAsync(IDatabase db, Guid invoiceId, CancellationToken ct)
    {
        const string sql = """
            select description, quantity_e4, unit_price_minor, amount_minor from invoicing_invoice_lines
            where invoice_id = @InvoiceId order by line_no
            """;
        return (await db.QueryAsync<LineRow>(sql, new { InvoiceId = invoiceId }, ct))
            .Select(l => new InvoiceLineDto(
                l.Description, Invoice.FromQuantityE4(l.QuantityE4), Money.Dollars(l.UnitPriceMinor), Money.Dollars(l.AmountMinor)))
            .ToList();
    }

    // Held amounts show as pending payments, applied ones net of what refunds and chargebacks reopened.
    public static async Task<IReadOnlyList<InvoicePaymentDto>> PaymentsAsync(IDatabase db, Guid invoiceId, CancellationToken ct)
    {
        const string sql = """
            select payment_id, amount_minor - reopened_minor as amount_minor, status, created_at, applied_at from invoicing_holds
            where invoice_id = @InvoiceId and status in ('held', 'applied')
            order by created_at, seq
            """;
        return (await db.QueryAsync<HoldRow>(sql, new { InvoiceId = invoiceId }, ct))
            .Select(p => new InvoicePaymentDto(
                p.PaymentId, Money.Dollars(p.AmountMinor), p.Status == "held" ? "pending" : "applied",
                DateOnly.FromDateTime((p.AppliedAt ?? p.CreatedAt).UtcDateTime)))
            .ToList();
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
