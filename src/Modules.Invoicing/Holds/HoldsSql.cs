using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Invoicing.Contracts.Holds;

namespace Portal.Modules.Invoicing.Holds;

internal static class HoldsSql
{
    public static async Task<IReadOnlyList<AllocationDto>> HoldsOfPaymentAsync(IDatabase db, Guid paymentId, CancellationToken ct)
    {
        const string sql = "select invoice_id, amount_minor from invoicing_holds where payment_id = @PaymentId order by seq";
        var rows = await db.QueryAsync<HoldRow>(sql, new { PaymentId = paymentId }, ct);
        return rows.Select(r => new AllocationDto(r.InvoiceId, Money.Dollars(r.AmountMinor))).ToList();
    }

    internal sealed record HoldRow
    {
        public Guid InvoiceId { get; init; }

        public long AmountMinor { get; init; }
    }

    internal sealed record BalanceRow
    {
        public Guid AccountId { get; init; }

        public long BalanceMinor { get; init; }

        public string Status { get; init; } = "";
    }
}
