using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Payments.Contracts.Autopay;

namespace Portal.Modules.Payments.Autopay;

/// <summary>
/// The same eligibility the autopay sweep applies, looked at from today: reminders skip these invoices and the
/// dashboard shows the first one as the next charge.
/// </summary>
internal sealed class GetAutopayPlanQueryHandler(IDatabase db, IMediator mediator, TimeProvider clock) : IRequestHandler<GetAutopayPlanQuery, AutopayPlanDto>
{
    public async Task<AutopayPlanDto> Handle(GetAutopayPlanQuery query, CancellationToken ct)
    {
        var method = await db.QuerySingleOrDefaultAsync<MethodRow>("""
            select m.brand, m.last4 from payments_autopay a join payments_methods m on m.id = a.payment_method_id
            where a.account_id = @AccountId and a.enabled = @Yes and m.deleted_at is null
            """, new { query.AccountId, Yes = true }, ct);
        if (method is null)
            return new AutopayPlanDto(false, null, null, []);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var attempts = (await db.QueryAsync<AttemptRow>("""
                select invoice_id, attempt, status, next_attempt_on from payments_autopay_attempts where account_id = @AccountId
                """, query, ct))
            .GroupBy(a => a.InvoiceId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.Attempt)!);
        var charges = new List<AutopayChargeDto>();
        foreach (var invoice in await mediator.Send(new GetOpenInvoicesQuery(query.AccountId), ct))
        {
            if (invoice.Balance.Value <= 0 || invoice.PendingPayments.Value > 0)
                continue;
            DateOnly? chargeOn = attempts.GetValueOrDefault(invoice.InvoiceId) switch
            {
                null => invoice.DueDate,
                { Status: "charging" } => today,
                { Status: "refused", NextAttemptOn: { } next } => next,
                _ => null,
            };
            if (chargeOn is { } day)
                charges.Add(new AutopayChargeDto(invoice.InvoiceId, invoice.InvoiceNumber, invoice.DueDate, day < today ? today : day, invoice.Balance));
        }
        return new AutopayPlanDto(true, method.Brand, method.Last4, [.. charges.OrderBy(c => c.ChargeOn).ThenBy(c => c.DueDate)]);
    }

    private sealed record MethodRow
    {
        public string? Brand { get; init; }
        public string? Last4 { get; init; }
    }

    private sealed record AttemptRow
    {
        public Guid InvoiceId { get; init; }
        public int Attempt { get; init; }
        public string Status { get; init; } = "";
        public DateOnly? NextAttemptOn { get; init; }
    }
}
