using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.BuildingBlocks.Mediation;
using Portal.Modules.Invoicing.Contracts.Holds;
using Portal.Modules.Payments.Contracts.Refunds;

namespace Portal.Modules.Payments.Refunds;

/// <summary>Moves a refund forward once; when it succeeds, the refunded amount is owed again on the invoices it paid.</summary>
internal sealed record MarkRefundCommand(Guid RefundId, string Status, string? PspReference) : ICommand<bool>;

internal sealed class MarkRefundCommandHandler(IDatabase db, IMediator mediator, Portal.BuildingBlocks.Messaging.IOutbox outbox, TimeProvider clock,
    Microsoft.Extensions.Logging.ILogger<MarkRefundCommandHandler> logger) : IRequestHandler<MarkRefundCommand, bool>
{
    public async Task<bool> Handle(MarkRefundCommand command, CancellationToken ct)
    {
        var refund = await db.QuerySingleOrDefaultAsync<RefundRow>("""
            update payments_refunds set status = @Status, psp_reference = coalesce(@PspReference, psp_reference), updated_at = @Now
            where id = @RefundId and status in ('requested', 'received') and status <> @Status
            returning payment_id, amount_minor, amount_currency
            """, new { command.RefundId, command.Status, command.PspReference, Now = clock.GetUtcNow() }, ct);
        if (refund is null)
            return false;
        if (command.Status == RefundStatus.Succeeded)
        {
            var amount = new Money(refund.AmountCurrency, refund.AmountMinor);
            // A chargeback that crossed the refund may have reopened it all already: reopening more would fail for ever.
            var reopened = await mediator.Send(new ReopenInvoiceBalanceCommand(refund.PaymentId, amount, RefundReopening.Reason(command.RefundId),
                UpToApplied: true), ct);
            if (reopened.Sum(r => r.Amount.Value) < amount.Value)
                Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger,
                    "Refund {RefundId} of payment {PaymentId} gave back more than the payment still had applied (a chargeback took it too)",
                    command.RefundId, refund.PaymentId);
            var accountId = await db.QuerySingleOrDefaultAsync<Guid>("select account_id from payments_payments where id = @PaymentId", refund, ct);
            outbox.Add(new PaymentRefundedEvent(command.RefundId, refund.PaymentId, accountId, amount));
        }
        return true;
    }

    private sealed record RefundRow
    {
        public Guid PaymentId { get; init; }
        public long AmountMinor { get; init; }
        public string AmountCurrency { get; init; } = "";
    }
}

internal sealed record GetRefundQuery(Guid RefundId) : IQuery<RefundDto>;

internal sealed class GetRefundQueryHandler(IDatabase db) : IRequestHandler<GetRefundQuery, RefundDto>
{
    public async Task<RefundDto> Handle(GetRefundQuery query, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<Row>(
            "select id, payment_id, status, amount_minor, amount_currency, created_at, updated_at from payments_refunds where id = @RefundId", query, ct)
            ?? throw new NotFoundException("There is no such refund.");
        return new RefundDto(row.Id, row.PaymentId, row.Status, new Money(row.AmountCurrency, row.AmountMinor), row.CreatedAt,
            row.Status == RefundStatus.Succeeded ? row.UpdatedAt : null);
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public Guid PaymentId { get; init; }
        public string Status { get; init; } = "";
        public long AmountMinor { get; init; }
        public string AmountCurrency { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }
}
