using Portal.Modules.Invoicing.Imports;

namespace Portal.UnitTests.Invoicing;

public sealed class ImportFileTests
{
    private const string Header = "accountNumber,invoiceNumber,invoiceDate,dueDate,postAt,description,quantity,unitPrice";

    [Fact]
    public void Parse_keeps_commas_and_doubled_quotes_inside_quoted_fields()
    {
        var records = Csv.Parse("A-1,INV-1,\"Mulch, \"\"premium\"\"\",2\r\n");

        Assert.Equal(["A-1", "INV-1", "Mulch, \"premium\"", "2"], Assert.Single(records).Fields);
    }

    [Fact]
    public void Parse_numbers_records_by_the_file_line_they_start_on()
    {
        var records = Csv.Parse("a,b\n\n\"multi\nline\",c\nd,e\n");

        Assert.Equal([1, 3, 5], records.Select(r => r.Line));
    }

    [Fact]
    public void ReadRows_skips_a_header_and_converts_dollars_to_cents()
    {
        var (rows, errors) = ImportFile.ReadRows(Csv.Parse($"{Header}\nA-1,INV-1,2026-03-01,2026-03-31,,Lawn care,2.5,125.50\n"));

        Assert.Empty(errors);
        var row = Assert.Single(rows);
        Assert.Equal((2, 2.5m, 12_550L, (DateTimeOffset?)null), (row.Line, row.Quantity, row.UnitPriceMinor, row.PostAt));
    }

    [Fact]
    public void ReadRows_recognises_a_header_behind_a_byte_order_mark()
    {
        var (rows, errors) = ImportFile.ReadRows(Csv.Parse($"\uFEFF{Header}\nA-1,INV-1,2026-03-01,2026-03-31,,Lawn care,1,10\n"));

        Assert.Empty(errors);
        Assert.Single(rows);
    }

    [Theory]
    [InlineData("A-1,INV-1,2026-02-30,2026-03-31,,Lawn,1,10.00", "invoice date")]
    [InlineData("A-1,INV-1,2026-03-01,2026-02-01,,Lawn,1,10.00", "due date is before")]
    [InlineData("A-1,INV-1,2026-03-01,2026-03-31,,Lawn,1.5.0,10.00", "quantity")]
    [InlineData("A-1,INV-1,2026-03-01,2026-03-31,,Lawn,1,10.001", "unit price")]
    [InlineData("A-1,INV-1,2026-03-01,2026-03-31,,Lawn,1,$10", "unit price")]
    [InlineData("A-1,INV-1,2026-03-01,2026-03-31,,Lawn, mulch,1,10.00", "expected 8 fields")]
    [InlineData("A-1,INV 1,2026-03-01,2026-03-31,,Lawn,1,10.00", "invoice number")]
    [InlineData("A-1,INV-1,2026-03-01,2026-03-31,tomorrow,Lawn,1,10.00", "postAt")]
    public void ReadRows_reports_a_bad_row_with_its_line_and_reason(string row, string reason)
    {
        var (rows, errors) = ImportFile.ReadRows(Csv.Parse($"{Header}\n{row}\n"));

        Assert.Empty(rows);
        var error = Assert.Single(errors);
        Assert.StartsWith("line 2: ", error);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void CheckInvoices_reports_rows_of_one_invoice_that_disagree_on_its_dates()
    {
        var (rows, _) = ImportFile.ReadRows(Csv.Parse(
            "A-1,INV-1,2026-03-01,2026-03-31,,Lawn,1,10.00\nA-1,INV-1,2026-03-02,2026-03-31,,Mulch,1,5.00\n"));

        var errors = ImportFile.CheckInvoices(rows, new HashSet<string> { "A-1" }, new HashSet<string>());

        Assert.Equal(["line 2: invoice 'INV-1' has a different account, dates or postAt than on line 1"], errors);
    }

    [Fact]
    public void CheckInvoices_reports_unknown_accounts_and_taken_numbers()
    {
        var (rows, _) = ImportFile.ReadRows(Csv.Parse(
            "A-1,INV-1,2026-03-01,2026-03-31,,Lawn,1,10.00\nA-9,INV-2,2026-03-01,2026-03-31,,Lawn,1,10.00\n"));

        var errors = ImportFile.CheckInvoices(rows, new HashSet<string> { "A-1" }, new HashSet<string> { "INV-1" });

        Assert.Equal(["line 1: invoice number 'INV-1' already exists", "line 2: unknown account 'A-9'"], errors);
    }
}
