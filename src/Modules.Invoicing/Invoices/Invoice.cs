using Portal.BuildingBlocks;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Modules.Invoicing.Invoices;

internal sealed record NewInvoice(
    Guid Id,
    Guid AccountId,
    string InvoiceNumber,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    string Status,
    DateTimeOffset? PostAt,
    DateTimeOffset? PostedAt,
    bool AllowPartialPayment,
    long TotalMinor,
    IReadOnlyList<NewInvoiceLine> Lines)
{
    public InvoicePostedEvent PostedEvent() =>
        new(Id, AccountId, InvoiceNumber, InvoiceDate, DueDate, Money.Dollars(TotalMinor));
}

internal sealed record NewInvoiceLine(string Description, long QuantityE4, long UnitPriceMinor, long AmountMinor);

internal static class Invoice
{
    // Quantities are kept as integer ten-thousandths so no engine ever stores them as floating point.
    public const int QuantityScale = 10_000;
    public const decimal MaxQuantity = 1_000_000m;
    public const long MaxUnitPriceMinor = 100_000_000_00L;

    public static NewInvoice Create(
        Guid accountId, string invoiceNumber, DateOnly invoiceDate, DateOnly dueDate, DateTimeOffset? postAt,
        bool allowPartialPayment, IEnumerable<(string Description, decimal Quantity, long UnitPriceMinor)> lines, DateTimeOffset now)
    {
        var newLines = lines.Select(l => new NewInvoiceLine(
            l.Description.Trim(), ToQuantityE4(l.Quantity), l.UnitPriceMinor, LineAmount(l.Quantity, l.UnitPriceMinor))).ToList();
        var scheduled = postAt is { } at && at > now;
        return new NewInvoice(
            Guid.CreateVersion7(now), accountId, invoiceNumber.Trim(), invoiceDate, dueDate,
            scheduled ? InvoiceStatus.Scheduled : InvoiceStatus.Open, postAt, scheduled ? null : now,
            allowPartialPayment, newLines.Sum(l => l.AmountMinor), newLines);
    }

    public static long LineAmount(decimal quantity, long unitPriceMinor) =>
        (long)Math.Round(quantity * unitPriceMinor, 0, MidpointRounding.AwayFromZero);

    public static long ToQuantityE4(decimal quantity) => (long)(quantity * QuantityScale);

    public static decimal FromQuantityE4(long quantityE4) => quantityE4 / (decimal)QuantityScale;

    public static bool HasAtMostFourDecimals(decimal quantity) => quantity * QuantityScale == decimal.Truncate(quantity * QuantityScale);

    public static bool IsValidNumber(string? number) =>
        !string.IsNullOrWhiteSpace(number) && number.Trim().Length <= 40
        && number.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/');
}
