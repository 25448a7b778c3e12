using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Contracts.Refunds;
using Portal.Modules.Payments.Payments;

namespace Portal.Modules.Payments.Refunds;

/// <summary>
/// Matches the processor's successful AUTHORISATION, REFUND, CHARGEBACK, CANCELLATION and REFUND_FAILED notifications with
/// the ledger's payments and refunds (by our reference), and lists every difference: net figures alone would hide offsetting
/// errors. A cancelled authorisation and a refund that failed after succeeding each net to nothing on both sides.
/// </summary>
internal sealed class GetReconciliationReportQueryHandler(IDatabase db) : IRequestHandler<GetReconciliationReportQuery, ReconciliationReportDto>
{
    public async Task<ReconciliationReportDto> Handle(GetReconciliationReportQuery query, CancellationToken ct)
    {
        var range = new { From = Start(query.From), Until = Start(query.Thru.AddDays(1)) };
        var events = await db.QueryAsync<EventRow>("""
            select event_code, psp_reference, original_reference, merchant_reference, amount_minor, amount_currency from payments_webhook_events
            where success = @Yes and received_at >= @From and received_at < @Until
            """, new { Yes = true, range.From, range.Until }, ct);
        var payments = (await db.QueryAsync<LedgerRow>("""
            select id, status, amount_minor, amount_currency, psp_reference from payments_payments
            where created_at >= @From and created_at < @Until and status in ('authorised', 'pending', 'unknown', 'cancelled')
            """, range, ct)).ToDictionary(p => p.Id);
        var refunds = (await db.QueryAsync<LedgerRow>("""
            select id, status, amount_minor, amount_currency, psp_reference from payments_refunds
            where created_at >= @From and created_at < @Until
            """, range, ct)).ToDictionary(r => r.Id);
        var cancelled = events.Where(e => e.EventCode == EventCodes.Cancellation).Select(e => e.MerchantReference).ToHashSet();
        var refundsFailed = events.Where(e => e.EventCode == EventCodes.RefundFailed).Select(e => e.MerchantReference).ToHashSet();

        var differences = new List<ReconciliationDifferenceDto>();
        var matched = 0;
        long processorNet = 0, ledgerNet = 0;
        foreach (var e in events)
        {
            var amount = new Money(e.AmountCurrency, e.AmountMinor);
            switch (e.EventCode)
            {
                case EventCodes.Authorisation:
                    processorNet += e.AmountMinor;
                    matched += Compare(Lookup(payments, e.MerchantReference), e, amount,
                        cancelled.Contains(e.MerchantReference) ? PaymentStatus.Cancelled : PaymentStatus.Authorised, "payment", differences);
                    break;
                case EventCodes.Refund:
                    processorNet -= e.AmountMinor;
                    matched += Compare(Lookup(refunds, e.MerchantReference), e, amount,
                        refundsFailed.Contains(e.MerchantReference) ? RefundStatus.Failed : RefundStatus.Succeeded, "refund", differences);
                    break;
                case EventCodes.Cancellation:
                    processorNet -= e.AmountMinor;
                    break;
                case EventCodes.RefundFailed:
                    processorNet += e.AmountMinor;
                    break;
                case EventCodes.Chargeback:
                    processorNet -= e.AmountMinor;
                    differences.Add(new("chargeback", e.PspReference, null, null, amount, $"Chargeback on payment {e.OriginalReference}; its invoices were reopened."));
                    break;
            }
        }
        foreach (var payment in payments.Values.Where(p => p.Status == PaymentStatus.Authorised))
            ledgerNet += payment.AmountMinor;
        foreach (var refund in refunds.Values.Where(r => r.Status == RefundStatus.Succeeded))
            ledgerNet -= refund.AmountMinor;
        var confirmed = events.Select(e => e.MerchantReference).ToHashSet();
        // A refund the processor refused at once never reaches its webhooks; it moved no money, so it is no difference.
        foreach (var row in payments.Values.Concat(refunds.Values.Where(r => r.Status != RefundStatus.Failed)).Where(r => !confirmed.Contains(r.Id.ToString("N"))))
            differences.Add(new("missing_at_processor", row.PspReference, row.Id, new Money(row.AmountCurrency, row.AmountMinor), null,
                $"The ledger has it as {row.Status}; the processor has not confirmed it (yet)."));
        return new ReconciliationReportDto(query.From, query.Thru, Money.Dollars(processorNet), Money.Dollars(ledgerNet), matched, differences);
    }

    private static int Compare(LedgerRow? ledger, EventRow e, Money amount, string expectedStatus, string what, List<ReconciliationDifferenceDto> differences)
    {
        if (ledger is null)
            differences.Add(new("missing_in_ledger", e.PspReference, null, null, amount, $"The processor reports a {what} the ledger does not have in this range."));
        else if (ledger.AmountMinor != e.AmountMinor || ledger.AmountCurrency != e.AmountCurrency)
            differences.Add(new("amount_differs", e.PspReference, ledger.Id, new Money(ledger.AmountCurrency, ledger.AmountMinor), amount, $"The {what} amounts differ."));
        else if (ledger.Status != expectedStatus)
            differences.Add(new("status_differs", e.PspReference, ledger.Id, new Money(ledger.AmountCurrency, ledger.AmountMinor), amount,
                $"The processor confirmed the {what}; the ledger still has it as {ledger.Status}."));
        else
            return 1;
        return 0;
    }

    private static LedgerRow? Lookup(Dictionary<Guid, LedgerRow> rows, string reference) =>
        Guid.TryParseExact(reference, "N", out var id) ? rows.GetValueOrDefault(id) : null;

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private sealed record EventRow
    {
        public string EventCode { get; init; } = "";
        public string PspReference { get; init; } = "";
        public string? OriginalReference { get; init; }
        public string MerchantReference { get; init; } = "";
        public long AmountMinor { get; init; }
        public string AmountCurrency { get; init; } = "";
    }

    private sealed record LedgerRow
    {
        public Guid Id { get; init; }
        public string Status { get; init; } = "";
        public long AmountMinor { get; init; }
        public string AmountCurrency { get; init; } = "";
        public string? PspReference { get; init; }
    }
}
