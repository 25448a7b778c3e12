using System.Globalization;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Host.Documents;

internal static class InvoicePdf
{
    private static readonly PdfColumn[] LineColumns =
        [new("Description", 5), new("Quantity", 1.3, Amount: true), new("Unit price", 1.6, Amount: true), new("Amount", 1.6, Amount: true)];

    private static readonly PdfColumn[] PaymentColumns =
        [new("Date", 2), new("Payment", 2), new("Status", 2), new("Amount", 2, Amount: true)];

    public static byte[] Render(BusinessProfile business, AccountDto account, InvoiceDetailDto invoice)
    {
        using var pdf = new PdfLayout($"Invoice {invoice.InvoiceNumber}");
        pdf.Letterhead(business, "Invoice");
        pdf.Facts(
            ("Invoice number", invoice.InvoiceNumber),
            ("Bill to", $"{account.Name} (account {account.AccountNumber})"),
            ("Invoice date", DocumentWords.Date(invoice.InvoiceDate)),
            ("Due date", DocumentWords.Date(invoice.DueDate)),
            ("Status", DocumentWords.InvoiceStatus(invoice.Status)));
        pdf.Table(LineColumns, invoice.Lines.Select(l => (IReadOnlyList<string>)
            [l.Description, l.Quantity.ToString("0.####", CultureInfo.InvariantCulture), l.UnitPrice.ToString(), l.Amount.ToString()]));
        pdf.Total("Total", invoice.Total.ToString(), emphasis: true);
        var paid = invoice.Payments.Where(p => p.Status == "applied").Sum(p => p.Amount.Value);
        if (paid > 0)
            pdf.Total("Paid", (invoice.Total with { Value = paid }).ToString());
        if (invoice.PendingPayments.Value > 0)
            pdf.Total("Payment pending", invoice.PendingPayments.ToString());
        pdf.Total("Balance due", invoice.Balance.ToString(), emphasis: true);
        if (invoice.Payments.Count > 0)
        {
            pdf.Heading("Payments");
            pdf.Table(PaymentColumns, invoice.Payments.Select(p => (IReadOnlyList<string>)
                [DocumentWords.ShortDate(p.Date), DocumentWords.PaymentReference(p.PaymentId), p.Status == "applied" ? "Paid" : "Pending", p.Amount.ToString()]));
        }
        return pdf.ToBytes();
    }
}
