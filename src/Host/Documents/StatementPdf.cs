using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Invoicing.Contracts.Statements;

namespace Portal.Host.Documents;

internal static class StatementPdf
{
    private static readonly PdfColumn[] Columns =
        [new("Date", 1.6), new("Description", 4.4), new("Charges", 1.5, Amount: true), new("Credits", 1.5, Amount: true)];

    public static byte[] Render(BusinessProfile business, AccountDto account, StatementDto statement)
    {
        using var pdf = new PdfLayout($"Statement {account.AccountNumber} {statement.From:yyyy-MM-dd} to {statement.Thru:yyyy-MM-dd}");
        pdf.Letterhead(business, "Statement");
        pdf.Facts(
            ("Account", $"{account.Name} (account {account.AccountNumber})"),
            ("Period", $"{DocumentWords.Date(statement.From)} to {DocumentWords.Date(statement.Thru)}"));
        pdf.Total("Opening balance", statement.OpeningBalance.ToString(), emphasis: true);
        if (statement.Lines.Count == 0)
            pdf.Text("Nothing was billed or paid in this period.");
        else
            pdf.Table(Columns, statement.Lines.Select(l => (IReadOnlyList<string>)
                [DocumentWords.ShortDate(l.Date), l.Description, Amount(l.Charge), Amount(l.Credit)]));
        pdf.Total("Total charges", (statement.OpeningBalance with { Value = statement.Lines.Sum(l => l.Charge.Value) }).ToString());
        pdf.Total("Total credits", (statement.OpeningBalance with { Value = statement.Lines.Sum(l => l.Credit.Value) }).ToString());
        pdf.Total("Closing balance", statement.ClosingBalance.ToString(), emphasis: true);
        return pdf.ToBytes();
    }

    private static string Amount(BuildingBlocks.Money money) => money.Value == 0 ? "" : money.ToString();
}
