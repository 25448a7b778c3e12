using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;

namespace Portal.Modules.Payments.Refunds;

/// <summary>The payment rules for a refund's Idempotency-Key: the same key and amount is the same refund, another amount is 409.</summary>
internal static class RefundKeys
{
    /// <summary>The Idempotency-Key sent to the processor: the same for the first request and every resend of that refund.</summary>
    public static string ProcessorKey(Guid refundId) => $"refund-{refundId:N}";

    public static async Task<ReservedRefund?> ExistingAsync(IDatabase db, ReserveRefundCommand command, CancellationToken ct)
    {
        if (command.IdempotencyKey is null)
            return null;
        var row = await db.QuerySingleOrDefaultAsync<Row>("""
            select id, amount_minor, amount_currency from payments_refunds where payment_id = @PaymentId and idempotency_key = @IdempotencyKey
            """, new { command.PaymentId, command.IdempotencyKey }, ct);
        if (row is null)
            return null;
        if (row.AmountMinor != command.Amount.Value || row.AmountCurrency != command.Amount.Currency)
            throw new ConflictException("This Idempotency-Key was already used for a different refund; use a new key for a new refund.");
        return new ReservedRefund(row.Id, "", IsNew: false);
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public long AmountMinor { get; init; }
        public string AmountCurrency { get; init; } = "";
    }
}
