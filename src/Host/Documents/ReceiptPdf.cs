using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.Host.Documents;

internal static class ReceiptPdf
{
    /// <summary>Payments that took money, or are taking it (bank payments), have a receipt; refused or unsettled ones do not.</summary>
    public static readonly IReadOnlySet<string> WithReceipt =
        new HashSet<string>(["authorised", "pending", "partially_refunded", "refunded"]);

    private static readonly PdfColumn[] AllocationColumns = [new("Invoice", 5), new("Amount", 2, Amount: true)];

    private static readonly PdfColumn[] RefundColumns = [new("Date", 2), new("Status", 3), new("Amount", 2, Amount: true)];

    public static byte[] Render(BusinessProfile business, AccountDto account, PaymentDto payment, IReadOnlyDictionary<Guid, string> invoiceNumbers)
    {
        using var pdf = new PdfLayout($"Receipt {DocumentWords.PaymentReference(payment.PaymentId)}");
        pdf.Letterhead(business, "Receipt");
        pdf.Facts(
            ("Payment reference", DocumentWords.PaymentReference(payment.PaymentId)),
            ("Received from", $"{account.Name} (account {account.AccountNumber})"),
            ("Date", DocumentWords.Date(payment.CreatedAt)),
            ("Paid with", DocumentWords.Method(payment.Method.Type, payment.Method.Brand, payment.Method.Last4)),
            ("Status", DocumentWords.PaymentStatus(payment.Status)));
        pdf.Table(AllocationColumns, payment.Allocations.Select(a => (IReadOnlyList<string>)
            [$"Invoice {invoiceNumbers.GetValueOrDefault(a.InvoiceId, "(no longer shown)")}", a.Amount.ToString()]));
        pdf.Total("Amount paid", payment.Amount.ToString(), emphasis: true);
        var refunds = payment.Refunds ?? [];
        if (refunds.Count > 0)
        {
            pdf.Heading("Refunds");
            pdf.Table(RefundColumns, refunds.Select(r => (IReadOnlyList<string>)
                [DocumentWords.ShortDate(r.RefundedAt ?? r.CreatedAt), RefundStatus(r.Status), r.Amount.ToString()]));
            var refunded = refunds.Where(r => r.Status == "succeeded").Sum(r => r.Amount.Value);
            pdf.Total("Refunded", (payment.Amount with { Value = refunded }).ToString());
            pdf.Total("Net paid", (payment.Amount with { Value = payment.Amount.Value - refunded }).ToString(), emphasis: true);
        }
        return pdf.ToBytes();
    }

    private static string RefundStatus(string status) => status switch
    {
        "succeeded" => "Refunded",
        "requested" or "received" => "Being refunded",
        "failed" => "Refund did not go through",
        _ => status,
    };
}
