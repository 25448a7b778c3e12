namespace Portal.FaultHarness;

internal sealed record OpenInvoice
{
    public Guid Id { get; init; }
    public string Number { get; init; } = "";
    public long Available { get; init; }
    public bool AllowPartial { get; init; }
}

internal sealed record PaymentRow
{
    public Guid Id { get; init; }
    public string Status { get; init; } = "";
    public long AmountMinor { get; init; }
    public string? PspReference { get; init; }
    public bool SaveMethod { get; init; }
    public Guid? StoredMethodId { get; init; }
    public Guid? PaidBy { get; init; }
    public bool MerchantInitiated { get; init; }
}

internal sealed record HoldRow
{
    public Guid PaymentId { get; init; }
    public Guid InvoiceId { get; init; }
    public long AmountMinor { get; init; }
    public long ReopenedMinor { get; init; }
    public string Status { get; init; } = "";
}

internal sealed record InvoiceRow
{
    public Guid Id { get; init; }
    public string InvoiceNumber { get; init; } = "";
    public long TotalMinor { get; init; }
    public long BalanceMinor { get; init; }
    public long HeldMinor { get; init; }
}

internal sealed record RefundRow
{
    public Guid Id { get; init; }
    public Guid PaymentId { get; init; }
    public long AmountMinor { get; init; }
    public string Status { get; init; } = "";
}

internal sealed record ReopeningRow
{
    public Guid PaymentId { get; init; }
    public string Reason { get; init; } = "";
    public long AmountMinor { get; init; }
}

internal sealed record MethodRow
{
    public string Token { get; init; } = "";
    public DateTimeOffset? DeletedAt { get; init; }
}

internal sealed record AllocationRow
{
    public Guid PaymentId { get; init; }
    public Guid InvoiceId { get; init; }
}

/// <summary>The harness reads every module's tables directly (it checks them; modules never do this).</summary>
internal static class InvariantSql
{
    public const string Payments = """
        select id, status, amount_minor, psp_reference, save_method, stored_method_id, paid_by, merchant_initiated
        from payments_payments where account_id = @AccountId
        """;
    public const string Holds = "select payment_id, invoice_id, amount_minor, reopened_minor, status from invoicing_holds where account_id = @AccountId";
    public const string Invoices = "select id, invoice_number, total_minor, balance_minor, held_minor from invoicing_invoices where account_id = @AccountId";
    public const string Refunds = """
        select r.id, r.payment_id, r.amount_minor, r.status from payments_refunds r
        join payments_payments p on p.id = r.payment_id where p.account_id = @AccountId
        """;
    public const string Reopenings = """
        select payment_id, reason, amount_minor from invoicing_reopenings
        where payment_id in (select payment_id from invoicing_holds where account_id = @AccountId)
        """;
    public const string Methods = "select token, deleted_at from payments_methods where account_id = @AccountId";
    public const string Allocations = """
        select a.payment_id, a.invoice_id from payments_allocations a join payments_payments p on p.id = a.payment_id
        where p.account_id = @AccountId
        """;
}
