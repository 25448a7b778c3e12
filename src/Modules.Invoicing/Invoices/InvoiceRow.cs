using FluentValidation;
using FluentValidation.Results;
using Portal.BuildingBlocks;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Modules.Invoicing.Invoices;

internal sealed record InvoiceRow
{
    public const string Columns = """
        id, account_id, invoice_number, invoice_date, due_date, status, post_at, posted_at, allow_partial_payment,
        total_minor, balance_minor, held_minor
        """;

    public Guid Id { get; init; }

    public Guid AccountId { get; init; }

    public string InvoiceNumber { get; init; } = "";

    public DateOnly InvoiceDate { get; init; }

    public DateOnly DueDate { get; init; }

    public string Status { get; init; } = "";

    public DateTimeOffset? PostAt { get; init; }

    public DateTimeOffset? PostedAt { get; init; }

    public bool AllowPartialPayment { get; init; }

    public long TotalMinor { get; init; }

    public long BalanceMinor { get; init; }

    public long HeldMinor { get; init; }

    public InvoiceDto ToDto() => new(
        Id, InvoiceNumber, InvoiceDate, DueDate, Status, Money.Dollars(TotalMinor), Money.Dollars(BalanceMinor), Money.Dollars(HeldMinor),
        AllowPartialPayment);

    public BackofficeInvoiceDto ToBackofficeDto() => new(
        Id, AccountId, InvoiceNumber, InvoiceDate, DueDate, Status, PostAt, PostedAt, Money.Dollars(TotalMinor), Money.Dollars(BalanceMinor),
        Money.Dollars(HeldMinor), AllowPartialPayment);
}

internal static class InvoiceCursor
{
    public static string Encode(InvoiceRow last) => $"{last.DueDate:yyyy-MM-dd}|{last.InvoiceNumber}";

    public static (DateOnly AfterDue, string AfterNumber) Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
            return (DateOnly.MinValue, "");
        var bar = cursor.IndexOf('|');
        if (bar != 10 || !DateOnly.TryParseExact(cursor[..bar], "yyyy-MM-dd", out var due))
            throw new ValidationException([new ValidationFailure("Cursor", "The cursor is not valid.")]);
        return (due, cursor[(bar + 1)..]);
    }

    public static Page<T> ToPage<T>(IReadOnlyList<InvoiceRow> rows, int limit, Func<InvoiceRow, T> map) =>
        rows.Count > limit
            ? new Page<T>(rows.Take(limit).Select(map).ToList(), Encode(rows[limit - 1]))
            : new Page<T>(rows.Select(map).ToList(), null);
}
