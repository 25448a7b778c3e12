using MediatR;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.Modules.Invoicing.Contracts.Holds;

namespace Portal.Modules.Payments.Refunds;

/// <summary>
/// The dispute was won (CHARGEBACK_REVERSED): the money is ours again, so the latest chargeback still standing on the payment
/// is reversed and what it reopened is applied to the invoices again (as far as they are still open). Once per reversal.
/// </summary>
internal sealed record RecordChargebackReversedCommand(string PaymentPspReference, Guid? PaymentId, string ReversalPspReference) : ICommand<bool>;

internal sealed class RecordChargebackReversedCommandHandler(IDatabase db, IMediator mediator, TimeProvider clock,
    ILogger<RecordChargebackReversedCommandHandler> logger) : IRequestHandler<RecordChargebackReversedCommand, bool>
{
    public async Task<bool> Handle(RecordChargebackReversedCommand command, CancellationToken ct)
    {
        var paymentId = await db.QuerySingleOrDefaultAsync<Guid?>(
            "select id from payments_payments where psp_reference = @PaymentPspReference or id = @PaymentId", command, ct);
        if (paymentId is null)
            return false;
        const string latestSql = """
            select psp_reference, event_code from payments_chargebacks
            where payment_id = @PaymentId and reversed_at is null
              and not exists (select 1 from payments_chargebacks r where r.payment_id = @PaymentId and r.reversed_by = @Reversal)
            order by created_at desc limit 1
            """;
        var standing = await db.QuerySingleOrDefaultAsync<ChargebackRow>(latestSql, new { PaymentId = paymentId, Reversal = command.ReversalPspReference }, ct);
        if (standing is null)
            return false;
        // The reversed_at guard claims the chargeback, so a concurrent twin finds nothing left to reverse.
        if (await db.ExecuteAsync("""
                update payments_chargebacks set reversed_at = @Now, reversed_by = @Reversal
                where psp_reference = @PspReference and event_code = @EventCode and reversed_at is null
                """, new { Now = clock.GetUtcNow(), Reversal = command.ReversalPspReference, standing.PspReference, standing.EventCode }, ct) == 0)
            return false;
        var applied = await mediator.Send(new ReverseInvoiceReopeningCommand(paymentId.Value, ChargebackReasons.Of(standing.EventCode, standing.PspReference)), ct);
        logger.LogInformation("Chargeback {Chargeback} on payment {PaymentId} was reversed; {Count} invoices were paid again",
            standing.PspReference, paymentId, applied.Count);
        return true;
    }

    private sealed record ChargebackRow
    {
        public string PspReference { get; init; } = "";
        public string EventCode { get; init; } = "";
    }
}
