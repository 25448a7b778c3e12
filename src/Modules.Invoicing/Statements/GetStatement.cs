using FluentValidation;
using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Invoicing.Contracts.Statements;
using Portal.Modules.Invoicing.Invoices;

namespace Portal.Modules.Invoicing.Statements;

internal sealed class GetStatementQueryValidator : AbstractValidator<GetStatementQuery>
{
    public GetStatementQueryValidator()
    {
        RuleFor(q => q.AccountId).NotEmpty();
        RuleFor(q => q.Thru).GreaterThanOrEqualTo(q => q.From).WithMessage("The end date must not be before the start date.");
        RuleFor(q => q).Must(q => q.Thru.DayNumber - q.From.DayNumber <= 3660)
            .WithName("Thru").WithMessage("A statement covers at most ten years.");
    }
}

/// <summary>
/// Builds the statement from Invoicing's own ledger: invoices charge on their invoice date, applied holds credit on the day
/// they were applied, reopenings (refunds, chargebacks, cancellations) charge again, and reversed reopenings credit again.
/// Only the invoices the customer can see (posted, not void, not before the cutover) count, so the closing balance on
/// today's date equals the sum of the open balances the invoice list shows.
/// </summary>
internal sealed class GetStatementQueryHandler(IDatabase db, InvoicingOptions options) : IRequestHandler<GetStatementQuery, StatementDto>
{
    public async Task<StatementDto> Handle(GetStatementQuery query, CancellationToken ct)
    {
        var end = new DateTimeOffset(query.Thru.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var args = new { query.AccountId, VisibleFrom = options.VisibleFrom(null), query.Thru, End = end };
        var entries = new List<StatementEntry>();
        entries.AddRange((await db.QueryAsync<InvoiceEntryRow>(StatementSql.Invoices, args, ct)).Select(r => r.ToEntry()));
        entries.AddRange(PaymentEntries(await db.QueryAsync<AppliedRow>(StatementSql.Applied, args, ct)));
        var reopenings = await db.QueryAsync<ReopeningRow>(StatementSql.Reopenings, args, ct);
        entries.AddRange(ReopeningEntries(reopenings));
        entries.AddRange(ReversalEntries(reopenings, end));

        var opening = entries.Where(e => e.Date < query.From).Sum(e => e.ChargeMinor - e.CreditMinor);
        var lines = entries.Where(e => e.Date >= query.From)
            .OrderBy(e => e.Date).ThenBy(e => e.Order).ThenBy(e => e.Description, StringComparer.Ordinal)
            .Select(e => new StatementLineDto(e.Date, e.Kind, e.Description, Money.Dollars(e.ChargeMinor), Money.Dollars(e.CreditMinor), e.InvoiceId, e.PaymentId))
            .ToList();
        var closing = opening + lines.Sum(l => l.Charge.Value - l.Credit.Value);
        return new StatementDto(query.From, query.Thru, Money.Dollars(opening), lines, Money.Dollars(closing));
    }

    // One credit per payment and day, naming the invoices it paid.
    private static IEnumerable<StatementEntry> PaymentEntries(IEnumerable<AppliedRow> rows) =>
        rows.GroupBy(r => (r.PaymentId, Date: Day(r.AppliedAt)))
            .Select(g => new StatementEntry(g.Key.Date, 1, "payment",
                $"Payment {Reference(g.Key.PaymentId)} for {string.Join(", ", g.Select(r => r.InvoiceNumber).Order(StringComparer.Ordinal))}",
                0, g.Sum(r => r.AmountMinor), null, g.Key.PaymentId));

    private static IEnumerable<StatementEntry> ReopeningEntries(IEnumerable<ReopeningRow> rows) =>
        rows.GroupBy(r => (r.PaymentId, r.Reason))
            .Select(g =>
            {
                var kind = ReopeningKind(g.Key.Reason);
                return new StatementEntry(Day(g.First().CreatedAt), 2, kind,
                    $"{Capitalized(kind)} of payment {Reference(g.Key.PaymentId)}", g.Sum(r => r.AmountMinor), 0, null, g.Key.PaymentId);
            });

    private static IEnumerable<StatementEntry> ReversalEntries(IEnumerable<ReopeningRow> rows, DateTimeOffset end) =>
        rows.Where(r => r.ReversedAt is { } at && at < end && r.ReversedMinor > 0)
            .GroupBy(r => (r.PaymentId, r.Reason))
            .Select(g => new StatementEntry(Day(g.First().ReversedAt!.Value), 3, "reversal",
                $"Refund of payment {Reference(g.Key.PaymentId)} did not go through", 0, g.Sum(r => r.ReversedMinor), null, g.Key.PaymentId));

    private static string ReopeningKind(string reason) => reason.Split(':')[0] switch
    {
        "refund" => "refund",
        "chargeback" => "chargeback",
        "cancellation" => "cancellation",
        _ => "adjustment",
    };

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    internal static string Reference(Guid paymentId) => paymentId.ToString("N")[..8].ToUpperInvariant();

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);
}
