using Portal.Modules.Payments.Adyen;

namespace Portal.FaultHarness;

/// <summary>What must hold after every run, whatever the faults. Each broken one is named, with what was found.</summary>
internal static class Invariants
{
    public const string NotOvercharged = "not-overcharged";
    public const string LedgerMatchesProcessor = "ledger-matches-processor";
    public const string AppliedOnce = "applied-exactly-once";
    public const string Unresolved = "resolved-holds-nothing";
    public const string SavedMethodKept = "saved-method-kept";
    public const string EmailsOnce = "emails-exactly-once";
    public const string SkipHonoured = "skip-honoured";
    public const string No500 = "no-unexpected-error";
    public const string CutoverRespected = "cutover-respected";

    public static readonly string[] All =
        [NotOvercharged, LedgerMatchesProcessor, AppliedOnce, Unresolved, SavedMethodKept, EmailsOnce, SkipHonoured, CutoverRespected, No500];

    public const string RefundableSql = """
        select p.id, p.psp_reference, p.amount_minor - coalesce((select sum(r.amount_minor) from payments_refunds r
            where r.payment_id = p.id and r.status <> 'failed'), 0) as remaining
        from payments_payments p where p.account_id = @AccountId and p.status = 'authorised' and p.psp_reference is not null
        """;

    public static async Task<List<OpenInvoice>> OpenAsync(RunContext run) =>
        [.. await run.Host.Primary.QueryAsync<OpenInvoice>("""
            select id, invoice_number as number, balance_minor - held_minor as available, allow_partial_payment as allow_partial
            from invoicing_invoices where account_id = @AccountId and status in ('open', 'partially_paid') and balance_minor > held_minor
              and invoice_date >= @Cutover
            order by due_date, invoice_number
            """, new { run.AccountId, Arrange.Cutover })];

    public static async Task<List<(string Invariant, string Detail)>> CheckAsync(RunContext run)
    {
        var db = run.Host.Primary;
        var args = new { run.AccountId };
        var payments = await db.QueryAsync<PaymentRow>(InvariantSql.Payments, args);
        var holds = await db.QueryAsync<HoldRow>(InvariantSql.Holds, args);
        var invoices = await db.QueryAsync<InvoiceRow>(InvariantSql.Invoices, args);
        var refunds = await db.QueryAsync<RefundRow>(InvariantSql.Refunds, args);
        var reopenings = await db.QueryAsync<ReopeningRow>(InvariantSql.Reopenings, args);
        var methods = await db.QueryAsync<MethodRow>(InvariantSql.Methods, args);
        var allocations = await db.QueryAsync<AllocationRow>(InvariantSql.Allocations, args);
        var ours = payments.ToDictionary(p => p.Id.ToString("N"));
        var charges = run.Host.Emulator.Charges.Where(c => ours.ContainsKey(c.Reference)).ToList();
        var psps = charges.Select(c => c.PspReference).ToHashSet();
        var emulatorRefunds = run.Host.Emulator.Refunds.Where(r => psps.Contains(r.PaymentPspReference)).ToList();

        var broken = new List<(string, string)>();
        void Break(string invariant, string detail) => broken.Add((invariant, detail));

        foreach (var invoice in invoices)
        {
            var mine = holds.Where(h => h.InvoiceId == invoice.Id).ToList();
            var applied = mine.Where(h => h.Status == "applied").Sum(h => h.AmountMinor - h.ReopenedMinor);
            var held = mine.Where(h => h.Status == "held").Sum(h => h.AmountMinor);
            if (applied > invoice.TotalMinor || applied < 0 || invoice.BalanceMinor != invoice.TotalMinor - applied || invoice.HeldMinor != held)
                Break(NotOvercharged, $"{invoice.InvoiceNumber}: total {invoice.TotalMinor}, applied {applied}, balance {invoice.BalanceMinor}, held {invoice.HeldMinor} vs holds {held}");
        }
        foreach (var group in charges.Where(c => c.ResultCode == ResultCodes.Authorised).GroupBy(c => c.Reference).Where(g => g.Count() > 1))
            Break(NotOvercharged, $"payment {group.Key} charged {group.Count()} times at the processor");
        foreach (var (paymentId, intended) in run.RefundIntents)
        {
            var psp = payments.FirstOrDefault(p => p.Id == paymentId)?.PspReference;
            var given = emulatorRefunds.Where(r => r.PaymentPspReference == psp && r.Success).Sum(r => r.Amount.Value);
            if (given > intended)
                Break(NotOvercharged, $"payment {paymentId:N}: finance meant to refund {intended}, the processor refunded {given}");
        }

        foreach (var payment in payments)
        {
            var key = payment.Id.ToString("N");
            var charge = charges.LastOrDefault(c => c.Reference == key && c.ResultCode == ResultCodes.Authorised);
            // A charge the resolver cancelled (POST /cancels) was never taken from the customer.
            var taken = charge is null || charge.Cancelled ? 0 : charge.Amount.Value;
            var refundedThere = charge is null ? 0 : emulatorRefunds.Where(r => r.PaymentPspReference == charge.PspReference && r.Success).Sum(r => r.Amount.Value);
            var chargedBackThere = charge is null ? 0 : run.DeliveredChargebacks.Values.Where(c => c.Payment == charge.PspReference).Sum(c => c.Amount);
            var takenHere = payment.Status == "authorised" ? payment.AmountMinor : 0;
            var refundedHere = refunds.Where(r => r.PaymentId == payment.Id && r.Status != "failed").Sum(r => r.AmountMinor);
            var chargedBackHere = reopenings.Where(r => r.PaymentId == payment.Id && r.Reason.StartsWith("chargeback:", StringComparison.Ordinal)).Sum(r => r.AmountMinor);
            if (taken - refundedThere - chargedBackThere != takenHere - refundedHere - chargedBackHere)
                Break(LedgerMatchesProcessor, $"payment {key} ({payment.Status}): processor took {taken}, refunded {refundedThere}, charged back {chargedBackThere}; "
                    + $"portal took {takenHere}, refunded {refundedHere}, charged back {chargedBackHere}");

            var mine = holds.Where(h => h.PaymentId == payment.Id).ToList();
            switch (payment.Status)
            {
                case "authorised" when mine.Count == 0 || mine.Any(h => h.Status != "applied") || mine.Sum(h => h.AmountMinor) != payment.AmountMinor:
                    Break(AppliedOnce, $"authorised payment {key} of {payment.AmountMinor}: holds {Describe(mine)}");
                    break;
                case "refused" or "error" when mine.Any(h => h.Status != "released"):
                case "cancelled" when mine.Any(h => h.Status == "held" || (h.Status == "applied" && h.ReopenedMinor != h.AmountMinor)):
                    Break(AppliedOnce, $"{payment.Status} payment {key}: holds {Describe(mine)}");
                    break;
                case "unknown" or "processing" when mine.Any(h => h.Status == "held"):
                    Break(Unresolved, $"payment {key} still {payment.Status} after the resolver, holding {mine.Where(h => h.Status == "held").Sum(h => h.AmountMinor)}"
                        + (charge is null ? " (the processor never charged it)" : $" (the processor charged it: {charge.PspReference})"));
                    break;
            }
            if (payment is { Status: "authorised", SaveMethod: true } && charge?.Tokenization is { } token
                && methods.Count(m => m.Token == token.StoredPaymentMethodId && m.DeletedAt is null) != 1)
                Break(SavedMethodKept, $"payment {key} was authorised with \"save\"; token {token.StoredPaymentMethodId} is not saved");
        }

        Emails.Check(run, payments, refunds, Break);
        foreach (var skipped in run.SkippedInvoices)
            foreach (var charged in payments.Where(p => p.MerchantInitiated && p.Status == "authorised" && allocations.Any(a => a.PaymentId == p.Id && a.InvoiceId == skipped)))
                Break(SkipHonoured, $"the skip of invoice {skipped:N} was accepted, yet autopay payment {charged.Id:N} charged it");
        foreach (var hold in holds.Where(h => run.LegacyInvoices.Contains(h.InvoiceId)))
            Break(CutoverRespected, $"payment {hold.PaymentId:N} placed a hold ({hold.Status} {hold.AmountMinor}) on an invoice dated before the cutover");
        foreach (var error in run.UnexpectedErrors)
            Break(No500, error);
        return broken;
    }

    private static string Describe(IEnumerable<HoldRow> holds) =>
        string.Join(", ", holds.Select(h => $"{h.Status} {h.AmountMinor}{(h.ReopenedMinor > 0 ? $" (reopened {h.ReopenedMinor})" : "")}")) is { Length: > 0 } s ? s : "none";
}
