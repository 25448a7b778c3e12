using Portal.BuildingBlocks.Email;

namespace Portal.FaultHarness;

/// <summary>Every receipt, failure note and refund email reaches each billing person of the account exactly once.</summary>
internal static class Emails
{
    public static void Check(RunContext run, IReadOnlyList<PaymentRow> payments, IReadOnlyList<RefundRow> refunds, Action<string, string> broken)
    {
        foreach (var address in new[] { run.PayerEmail, run.SecondEmail }.Where(a => a.Length > 0))
            Check(run.Host.Mail.Sent.Where(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase)).ToList(), address,
                address == run.PayerEmail, payments, refunds, broken);
    }

    private static void Check(List<EmailMessage> mail, string address, bool payer, IReadOnlyList<PaymentRow> payments, IReadOnlyList<RefundRow> refunds,
        Action<string, string> broken)
    {
        var receipts = mail.Where(m => m.Subject.StartsWith("Payment received", StringComparison.Ordinal)).ToList();
        var failures = mail.Count(m => m.Subject.StartsWith("Payment not completed", StringComparison.Ordinal));
        var refundMails = mail.Where(m => m.Subject.StartsWith("Refund of", StringComparison.Ordinal)).ToList();

        foreach (var payment in payments)
        {
            var count = receipts.Count(m => Mentions(m.Text, payment.Id));
            var expected = payment.Status == "authorised" ? 1 : 0;
            if (count != expected && !(payment.Status == "cancelled" && count <= 1))
                broken(Invariants.EmailsOnce, $"payment {payment.Id:N} ({payment.Status}): {count} receipt(s) to {address}, expected {expected}");
        }
        // The failure note names no payment, so it is counted per account: one per failed customer payment, to the payer only
        // (PaymentFailedEventHandler: a refusal is told to whoever paid, not to every admin), so none to the second person.
        var failed = payer ? payments.Count(p => p.Status is "refused" or "error" or "cancelled" && p.PaidBy is not null) : 0;
        if (failures != failed)
            broken(Invariants.EmailsOnce, $"{failures} failure email(s) to {address} for {failed} failed payment(s)");
        foreach (var refund in refunds)
        {
            var count = refundMails.Count(m => Mentions(m.Text, refund.Id));
            var expected = refund.Status == "succeeded" ? 1 : 0;
            if (count != expected)
                broken(Invariants.EmailsOnce, $"refund {refund.Id:N} ({refund.Status}): {count} refund email(s) to {address}, expected {expected}");
        }
    }

    private static bool Mentions(string text, Guid id) =>
        text.Contains(id.ToString("N"), StringComparison.OrdinalIgnoreCase) || text.Contains(id.ToString("D"), StringComparison.OrdinalIgnoreCase);
}
