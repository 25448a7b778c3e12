using System.Globalization;
using Portal.Modules.Invoicing.Invoices;

namespace Portal.Modules.Invoicing.Imports;

internal sealed record ImportRow(
    int Line, string AccountNumber, string InvoiceNumber, DateOnly InvoiceDate, DateOnly DueDate, DateTimeOffset? PostAt,
    string Description, decimal Quantity, long UnitPriceMinor);

// Every bad row is reported, not just the first, so finance can fix the file in one pass.
internal static class ImportFile
{
    public const int FieldCount = 8;
    public const int MaxRows = 200_000;

    public static (IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> Errors) ReadRows(IReadOnlyList<CsvRecord> records)
    {
        var rows = new List<ImportRow>();
        var errors = new List<string>();
        var data = records.Count > 0 && records[0].Fields[0].Trim().Equals("accountNumber", StringComparison.OrdinalIgnoreCase)
            ? records.Skip(1) : records;
        foreach (var record in data)
        {
            var problems = new List<string>();
            var row = ReadRow(record, problems);
            if (row is null)
                errors.Add($"line {record.Line}: {string.Join("; ", problems)}");
            else
                rows.Add(row);
        }
        return (rows, errors);
    }

    // Rows of one invoice must agree on everything but the line itself, and the invoice must be new.
    public static IReadOnlyList<string> CheckInvoices(
        IReadOnlyList<ImportRow> rows, IReadOnlySet<string> knownAccounts, IReadOnlySet<string> takenNumbers)
    {
        var errors = new List<(int Line, string Message)>();
        foreach (var row in rows.Where(r => !knownAccounts.Contains(r.AccountNumber)))
            errors.Add((row.Line, $"line {row.Line}: unknown account '{row.AccountNumber}'"));
        foreach (var group in rows.GroupBy(r => r.InvoiceNumber))
        {
            var first = group.First();
            if (takenNumbers.Contains(group.Key))
                errors.Add((first.Line, $"line {first.Line}: invoice number '{group.Key}' already exists"));
            if (group.Count() > 500)
                errors.Add((first.Line, $"line {first.Line}: invoice '{group.Key}' has more than 500 lines"));
            foreach (var row in group.Skip(1).Where(r => (r.AccountNumber, r.InvoiceDate, r.DueDate, r.PostAt) != (first.AccountNumber, first.InvoiceDate, first.DueDate, first.PostAt)))
                errors.Add((row.Line, $"line {row.Line}: invoice '{group.Key}' has a different account, dates or postAt than on line {first.Line}"));
        }
        return errors.OrderBy(e => e.Line).Select(e => e.Message).ToList();
    }

    public static IReadOnlyList<string> ByLine(IEnumerable<string> errors) =>
        errors.OrderBy(e => e.StartsWith("line ", StringComparison.Ordinal) && int.TryParse(e[5..e.IndexOf(':')], out var line) ? line : 0).ToList();

    private static ImportRow? ReadRow(CsvRecord record, List<string> problems)
    {
        if (record.Fields.Count != FieldCount)
        {
            problems.Add($"expected {FieldCount} fields, found {record.Fields.Count} (quote fields that contain commas)");
            return null;
        }
        var f = record.Fields.Select(x => x.Trim()).ToArray();
        if (f[0].Length is 0 or > 32)
            problems.Add("account number is required (at most 32 characters)");
        if (!Invoice.IsValidNumber(f[1]))
            problems.Add($"invoice number '{f[1]}' must be 1-40 letters, digits, '-', '_', '.' or '/'");
        var invoiceDate = Date(f[2], "invoice date", problems);
        var dueDate = Date(f[3], "due date", problems);
        if (invoiceDate is { } from && dueDate is { } due && due < from)
            problems.Add("due date is before the invoice date");
        DateTimeOffset? postAt = null;
        if (f[4].Length > 0)
        {
            if (DateTimeOffset.TryParse(f[4], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                postAt = at.ToUniversalTime();
            else
                problems.Add($"postAt '{f[4]}' is not a date or ISO 8601 time");
        }
        if (f[5].Length is 0 or > 500)
            problems.Add("description is required (at most 500 characters)");
        var quantityOk = decimal.TryParse(f[6], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var quantity)
            && quantity > 0 && quantity <= Invoice.MaxQuantity && Invoice.HasAtMostFourDecimals(quantity);
        if (!quantityOk)
            problems.Add($"quantity '{f[6]}' must be a positive number up to 1,000,000 with at most 4 decimals");
        var priceOk = decimal.TryParse(f[7], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dollars)
            && dollars * 100 == decimal.Truncate(dollars * 100) && dollars * 100 <= Invoice.MaxUnitPriceMinor;
        if (!priceOk)
            problems.Add($"unit price '{f[7]}' must be an amount in dollars like 125.50");
        return problems.Count > 0 ? null
            : new ImportRow(record.Line, f[0], f[1], invoiceDate!.Value, dueDate!.Value, postAt, f[5], quantity, (long)(dollars * 100));
    }

    private static DateOnly? Date(string text, string name, List<string> problems)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        problems.Add($"{name} '{text}' is not a date (YYYY-MM-DD)");
        return null;
    }
}
