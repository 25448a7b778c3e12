using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Invoicing.Contracts.Reports;

namespace Portal.Modules.Invoicing.Reports;

internal static class Aging
{
    public static AgingRowDto Row(Guid accountId, IEnumerable<(DateOnly DueDate, long BalanceMinor)> balances, DateOnly asOf)
    {
        var buckets = new long[5];
        foreach (var (dueDate, balance) in balances)
            buckets[Bucket(asOf.DayNumber - dueDate.DayNumber)] += balance;
        return new AgingRowDto(
            accountId, Money.Dollars(buckets[0]), Money.Dollars(buckets[1]), Money.Dollars(buckets[2]), Money.Dollars(buckets[3]), Money.Dollars(buckets[4]));
    }

    public static int Bucket(int daysPastDue) => daysPastDue switch
    {
        <= 0 => 0,
        <= 30 => 1,
        <= 60 => 2,
        <= 90 => 3,
        _ => 4,
    };
}

internal sealed class GetAgingReportQueryHandler(IDatabase db) : IRequestHandler<GetAgingReportQuery, IReadOnlyList<AgingRowDto>>
{
    public async Task<IReadOnlyList<AgingRowDto>> Handle(GetAgingReportQuery query, CancellationToken ct)
    {
        // Grouped by due date in SQL, bucketed in C#: date arithmetic differs between the engines, the grouping does not.
        const string sql = """
            select account_id, due_date, cast(sum(balance_minor) as bigint) as balance_minor
            from invoicing_invoices
            where status in ('open', 'partially_paid') and invoice_date <= @AsOf
            group by account_id, due_date
            """;
        var rows = await db.QueryAsync<DueRow>(sql, query, ct);
        return rows.GroupBy(r => r.AccountId)
            .Select(g => Aging.Row(g.Key, g.Select(r => (r.DueDate, r.BalanceMinor)), query.AsOf))
            .OrderBy(r => r.AccountId)
            .ToList();
    }

    private sealed record DueRow
    {
        public Guid AccountId { get; init; }

        public DateOnly DueDate { get; init; }

        public long BalanceMinor { get; init; }
    }
}
