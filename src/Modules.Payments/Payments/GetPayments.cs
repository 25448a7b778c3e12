using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Payments.Contracts.Payments;
using Portal.Modules.Payments.Contracts.Refunds;

namespace Portal.Modules.Payments.Payments;

internal sealed class GetPaymentQueryHandler(IDatabase db) : IRequestHandler<GetPaymentQuery, PaymentDto?>
{
    public async Task<PaymentDto?> Handle(GetPaymentQuery query, CancellationToken ct) =>
        (await PaymentReader.ReadAsync(db, "p.account_id = @AccountId and p.id = @PaymentId", new { query.AccountId, query.PaymentId }, 1, ct)).SingleOrDefault();
}

internal sealed class GetPaymentsQueryHandler(IDatabase db) : IRequestHandler<GetPaymentsQuery, Page<PaymentDto>>
{
    public async Task<Page<PaymentDto>> Handle(GetPaymentsQuery query, CancellationToken ct)
    {
        var limit = Page<PaymentDto>.ClampLimit(query.Limit);
        // Ids are time-ordered (v7), so "older than the cursor id" pages newest first without gaps.
        var before = Guid.TryParse(query.Cursor, out var cursor) ? cursor : (Guid?)null;
        // A null Guid parameter has no type PostgreSQL can infer, so the cursor condition is only added when there is one.
        // Processing payments are listed too: one left by a host that died holds its invoices and must not be invisible.
        var where = before is null ? "p.account_id = @AccountId" : "p.account_id = @AccountId and p.id < @Before";
        var rows = await PaymentReader.ReadAsync(db, where, new { query.AccountId, Before = before }, limit + 1, ct);
        return rows.Count > limit ? new Page<PaymentDto>(rows.Take(limit).ToList(), rows[limit - 1].PaymentId.ToString()) : new Page<PaymentDto>(rows, null);
    }
}

internal static class PaymentReader
{
    public static async Task<IReadOnlyList<PaymentDto>> ReadAsync(IDatabase db, string where, object param, int take, CancellationToken ct)
    {
        var sql = $"""
            select p.id, p.created_at, p.status, p.refusal_reason, p.amount_minor, p.amount_currency, p.method_type, p.brand, p.last4
            from payments_payments p where {where} order by p.id desc limit {take}
            """;
        var payments = await db.QueryAsync<Row>(sql, param, ct);
        if (payments.Count == 0)
            return [];
        var ids = payments.Select(p => p.Id).ToArray();
        var parameters = new Dapper.DynamicParameters();
        var names = ids.Select((id, i) => { parameters.Add($"P{i}", id); return $"@P{i}"; });
        var allocations = (await db.QueryAsync<AllocationRow>(
                $"select payment_id, invoice_id, amount_minor, amount_currency from payments_allocations where payment_id in ({string.Join(", ", names)})", parameters, ct))
            .ToLookup(a => a.PaymentId);
        var refunds = (await db.QueryAsync<RefundRow>($"""
                select id, payment_id, status, amount_minor, amount_currency, created_at, updated_at from payments_refunds
                where payment_id in ({string.Join(", ", names)}) order by created_at, id
                """, parameters, ct))
            .ToLookup(r => r.PaymentId);
        return payments.Select(p => new PaymentDto(p.Id, p.CreatedAt, StatusOf(p, refunds[p.Id]), p.RefusalReason,
            new Money(p.AmountCurrency, p.AmountMinor),
            allocations[p.Id].Select(a => new PaymentAllocationDto(a.InvoiceId, new Money(a.AmountCurrency, a.AmountMinor))).ToList(),
            new PaymentMethodSummaryDto(p.MethodType == "scheme" ? "card" : p.MethodType, p.Brand, p.Last4),
            refunds[p.Id].Select(r => r.ToDto()).ToList())).ToList();
    }

    // The stored status stays "authorised" (refunds and chargebacks key on it); customers read what went back.
    private static string StatusOf(Row payment, IEnumerable<RefundRow> refunds)
    {
        // A payment still at the processor (or left there by a host that died) is, to the customer, one whose outcome is not known yet.
        if (payment.Status == PaymentStatus.Processing)
            return PaymentStatus.Unknown;
        var refunded = refunds.Where(r => r.Status == "succeeded").Sum(r => r.AmountMinor);
        return payment.Status != PaymentStatus.Authorised || refunded == 0 ? payment.Status
            : refunded >= payment.AmountMinor ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public string Status { get; init; } = "";
        public string? RefusalReason { get; init; }
        public long AmountMinor { get; init; }
        public string AmountCurrency { get; init; } = "";
        public string MethodType { get; init; } = "";
        public string? Brand { get; init; }
        public string? Last4 { get; init; }
    }

    private sealed record RefundRow
    {
        public Guid Id { get; init; }
        public Guid PaymentId { get; init; }
        public string Status { get; init; } = "";
        public long AmountMinor { get; init; }
        public string AmountCurrency { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }

        public RefundDto ToDto() =>
            new(Id, PaymentId, Status, new Money(AmountCurrency, AmountMinor), CreatedAt, Status == "succeeded" ? UpdatedAt : null);
    }

    private sealed record AllocationRow
    {
        public Guid PaymentId { get; init; }
        public Guid InvoiceId { get; init; }
        public long AmountMinor { get; init; }
        public string AmountCurrency { get; init; } = "";
    }
}
