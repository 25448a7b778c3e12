using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Payments.Contracts.Refunds;

namespace Portal.Modules.Payments.Refunds;

internal sealed class GetBackofficePaymentsQueryHandler(IDatabase db) : IRequestHandler<GetBackofficePaymentsQuery, Page<BackofficePaymentDto>>
{
    public async Task<Page<BackofficePaymentDto>> Handle(GetBackofficePaymentsQuery query, CancellationToken ct)
    {
        var limit = Page<BackofficePaymentDto>.ClampLimit(query.Limit);
        // Only the filters given become SQL: PostgreSQL cannot type a parameter that is only ever compared with null.
        var filters = new List<string> { "p.status <> 'processing'" };
        if (query.Status is not null) filters.Add("p.status = @Status");
        if (query.From is not null) filters.Add("p.created_at >= @From");
        if (query.Thru is not null) filters.Add("p.created_at < @Until");
        if (Guid.TryParse(query.Cursor, out _)) filters.Add("p.id < @Before");
        var sql = $"""
            select p.id, p.account_id, p.created_at, p.status, p.amount_minor, p.amount_currency, p.method_type, p.brand, p.last4, p.psp_reference,
                   (select coalesce(sum(r.amount_minor), 0) from payments_refunds r where r.payment_id = p.id and r.status = 'succeeded') as refunded_minor
            from payments_payments p
            where {string.Join(" and ", filters)}
            order by p.id desc limit @Take
            """;
        var rows = await db.QueryAsync<Row>(sql, new
        {
            query.Status,
            From = query.From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) is { } from ? new DateTimeOffset(from) : (DateTimeOffset?)null,
            Until = query.Thru?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) is { } thru ? new DateTimeOffset(thru) : (DateTimeOffset?)null,
            Before = Guid.TryParse(query.Cursor, out var cursor) ? cursor : (Guid?)null,
            Take = limit + 1,
        }, ct);
        var items = rows.Take(limit).Select(r => new BackofficePaymentDto(r.Id, r.AccountId, r.CreatedAt, r.Status, new Money(r.AmountCurrency, r.AmountMinor),
            new Money(r.AmountCurrency, r.RefundedMinor), r.MethodType == "scheme" ? "card" : r.MethodType, r.Brand, r.Last4, r.PspReference)).ToList();
        return new Page<BackofficePaymentDto>(items, rows.Count > limit ? items[^1].PaymentId.ToString() : null);
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
        public long RefundedMinor { get; init; }
    }
}
