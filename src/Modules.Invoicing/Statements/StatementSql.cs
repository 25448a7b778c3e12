namespace Portal.Modules.Invoicing.Statements;

internal static class StatementSql
{
    public const string Invoices = """
        select id, invoice_number, invoice_date, total_minor from invoicing_invoices
        where account_id = @AccountId and status not in ('scheduled', 'void') and invoice_date >= @VisibleFrom and invoice_date <= @Thru
        """;

    public const string Applied = """
        select h.payment_id, i.invoice_number, h.amount_minor, h.applied_at
        from invoicing_holds h join invoicing_invoices i on i.id = h.invoice_id
        where h.account_id = @AccountId and h.status = 'applied' and h.applied_at < @End
          and i.status not in ('scheduled', 'void') and i.invoice_date >= @VisibleFrom
        """;

    public const string Reopenings = """
        select l.payment_id, l.reason, l.amount_minor, l.reversed_minor, r.created_at, r.reversed_at
        from invoicing_reopening_lines l
        join invoicing_reopenings r on r.payment_id = l.payment_id and r.reason = l.reason
        join invoicing_invoices i on i.id = l.invoice_id
        where i.account_id = @AccountId and r.created_at < @End
          and i.status not in ('scheduled', 'void') and i.invoice_date >= @VisibleFrom
        """;
}

internal sealed record StatementEntry(
    DateOnly Date, int Order, string Kind, string Description, long ChargeMinor, long CreditMinor, Guid? InvoiceId, Guid? PaymentId);

internal sealed record InvoiceEntryRow
{
    public Guid Id { get; init; }
    public string InvoiceNumber { get; init; } = "";
    public DateOnly InvoiceDate { get; init; }
    public long TotalMinor { get; init; }

    public StatementEntry ToEntry() => new(InvoiceDate, 0, "invoice", $"Invoice {InvoiceNumber}", TotalMinor, 0, Id, null);
}

internal sealed record AppliedRow
{
    public Guid PaymentId { get; init; }
    public string InvoiceNumber { get; init; } = "";
    public long AmountMinor { get; init; }
    public DateTimeOffset AppliedAt { get; init; }
}

internal sealed record ReopeningRow
{
    public Guid PaymentId { get; init; }
    public string Reason { get; init; } = "";
    public long AmountMinor { get; init; }
    public long ReversedMinor { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ReversedAt { get; init; }
}
