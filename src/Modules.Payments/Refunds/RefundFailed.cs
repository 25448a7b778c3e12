using MediatR;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.BuildingBlocks.Messaging;
using Portal.Modules.Invoicing.Contracts.Holds;

namespace Portal.Modules.Payments.Refunds;

internal static class RefundReopening
{
    // The reason under which Invoicing remembers what a refund reopened; REFUND_FAILED reverses exactly that.
    public static string Reason(Guid refundId) => $"refund:{refundId:N}";
}

/// <summary>
/// The scheme rejected a refund after the processor sent it (REFUND_FAILED): the money stayed with us. A refund already
/// confirmed had reopened the invoices, so they are paid again; finance hears of it either way, once.
/// </summary>
internal sealed record RecordRefundFailedCommand(Guid RefundId, string? PspReference) : ICommand<bool>;

/// <summary>Internal: a refund failed at the scheme; NotReapplied is what could not be put back on the invoices.</summary>
internal sealed record RefundFailedEvent(Guid RefundId, Guid PaymentId, Guid AccountId, Money Amount, bool WasConfirmed, Money NotReapplied)
    : IIntegrationEvent;

internal sealed class RecordRefundFailedCommandHandler(IDatabase db, IMediator mediator, IOutbox outbox, TimeProvider clock,
    ILogger<RecordRefundFailedCommandHandler> logger) : IRequestHandler<RecordRefundFailedCommand, bool>
{
    public async Task<bool> Handle(RecordRefundFailedCommand command, CancellationToken ct)
    {
        var refund = await db.QuerySingleOrDefaultAsync<RefundRow>("""
            select r.status, r.payment_id, r.amount_minor, r.amount_currency, p.account_id
            from payments_refunds r join payments_payments p on p.id = r.payment_id where r.id = @RefundId
            """, command, ct);
        if (refund is null || refund.Status == RefundStatus.Failed)
            return false;
        // The old status in the guard makes this a compare-and-set: a concurrent REFUND or a redelivery cannot slip between.
        const string sql = """
            update payments_refunds set status = 'failed', psp_reference = coalesce(psp_reference, @PspReference), updated_at = @Now
            where id = @RefundId and status = @OldStatus
            """;
        if (await db.ExecuteAsync(sql, new { command.RefundId, command.PspReference, OldStatus = refund.Status, Now = clock.GetUtcNow() }, ct) != 1)
            return false;

        var amount = new Money(refund.AmountCurrency, refund.AmountMinor);
        var wasConfirmed = refund.Status == RefundStatus.Succeeded;
        var reapplied = wasConfirmed
            ? (await mediator.Send(new ReverseInvoiceReopeningCommand(refund.PaymentId, RefundReopening.Reason(command.RefundId)), ct)).Sum(a => a.Amount.Value)
            : 0;
        var notReapplied = new Money(amount.Currency, wasConfirmed ? amount.Value - reapplied : 0);
        logger.LogWarning("Refund {RefundId} of payment {PaymentId} failed at the scheme after it was {State}; {NotReapplied} could not be put back",
            command.RefundId, refund.PaymentId, refund.Status, notReapplied);
        outbox.Add(new RefundFailedEvent(command.RefundId, refund.PaymentId, refund.AccountId, amount, wasConfirmed, notReapplied));
        return true;
    }

    private sealed record RefundRow
    {
        public string Status { get; init; } = "";
        public Guid PaymentId { get; init; }
        public Guid AccountId { get; init; }
        public long AmountMinor { get; init; }
        public string AmountCurrency { get; init; } = "";
    }
}
