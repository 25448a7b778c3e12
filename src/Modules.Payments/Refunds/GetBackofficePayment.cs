using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Payments.Contracts.Refunds;

namespace Portal.Modules.Payments.Refunds;

internal sealed class GetBackofficePaymentQueryHandler(IDatabase db) : IRequestHandler<GetBackofficePaymentQuery, BackofficePaymentDetailDto?>
{
    public async Task<BackofficePaymentDetailDto?> Handle(GetBackofficePaymentQuery query, CancellationToken ct)
    {
        const string paymentSql = """
            select p.id, p.account_id, p.created_at, p.status, p.amount_minor, p.amount_currency, p.method_type, p.brand, p.last4, p.psp_reference,
                   p.refusal_reason,
                   (select coalesce(sum(r.amount_minor), 0) from payments_refunds r where r.payment_id = p.id and r.status = 'succeeded') as refunded_minor
            from payments_payments p where p.id = @PaymentId
            """;
        // Refunds and chargebacks name the payment's pspReference as their original; a lost answer leaves only our own reference.
        const string webhooksSql = """
            select event_code, success, psp_reference, amount_minor, amount_currency, received_at, processed_at from payments_webhook_events
            where merchant_reference = @Reference or (@Psp <> '' and (psp_reference = @Psp or original_reference = @Psp))
            order by received_at, id
            """;
        var row = await db.QuerySingleOrDefaultAsync<Row>(paymentSql, query, ct);
        if (row is null)
            return null;
        var webhooks = await db.QueryAsync<WebhookRow>(webhooksSql, new { Reference = row.Id.ToString(), Psp = row.PspReference ?? "" }, ct);
        var payment = new BackofficePaymentDto(row.Id, row.AccountId, row.CreatedAt, row.Status, new Money(row.AmountCurrency, row.AmountMinor),
            new Money(row.AmountCurrency, row.RefundedMinor), row.MethodType == "scheme" ? "card" : row.MethodType, row.Brand, row.Last4, row.PspReference);
        return new BackofficePaymentDetailDto(payment, row.RefusalReason, webhooks.Select(w => new PaymentWebhookDto(
            w.EventCode, w.Success, w.PspReference, new Money(w.AmountCurrency, w.AmountMinor), w.ReceivedAt, w.ProcessedAt)).ToList());
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public Guid AccountId { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public string Status { get; init; } = "";
        public long AmountMinor { get; init; }
        public string AmountCurrency { get; init; } = "";
        public string MethodType { get; init; } = "";
        public string? Brand { get; init; }
        public string? Last4 { get; init; }
        public string? PspReference { get; init; }
        public string? RefusalReason { get; init; }
        public long RefundedMinor { get; init; }
    }

    private sealed record WebhookRow
    {
        public string EventCode { get; init; } = "";
        public bool Success { get; init; }
        public string PspReference { get; init; } = "";
        public long AmountMinor { get; init; }
        public string AmountCurrency { get; init; } = "";
        public DateTimeOffset ReceivedAt { get; init; }
        public DateTimeOffset? ProcessedAt { get; init; }
    }
}
