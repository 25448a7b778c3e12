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

internal sealed class MarkRefundCommandHandler(IDatabase db, IMediator mediator, TimeProvider clock) : IRequestHandler<MarkRefundCommand, bool>
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
            await mediator.Send(new ReopenInvoiceBalanceCommand(refund.PaymentId, new Money(refund.AmountCurrency, refund.AmountMinor), $"refund:{command.RefundId:N}"), ct);
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
            "select id, payment_id, status, amount_minor, amount_currency, created_at from payments_refunds where id = @RefundId", query, ct)
            ?? throw new NotFoundException("There is no such refund.");
        return new RefundDto(row.Id, row.PaymentId, row.Status, new Money(row.AmountCurrency, row.AmountMinor), row.CreatedAt);
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public Guid PaymentId { get; init; }
        public string Status { get; init; } = "";
        public long AmountMinor { get; init; }
        public string AmountCurrency { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
    }
}

/// <summary>The processor took money back: the invoices it paid are owed again, once per chargeback.</summary>
internal sealed record RecordChargebackCommand(string PaymentPspReference, string ChargebackPspReference, Money Amount, string? Reason) : ICommand<bool>;

internal sealed class RecordChargebackCommandHandler(IDatabase db, IMediator mediator, Portal.BuildingBlocks.Messaging.IOutbox outbox)
    : IRequestHandler<RecordChargebackCommand, bool>
{
    public async Task<bool> Handle(RecordChargebackCommand command, CancellationToken ct)
    {
        var payment = await db.QuerySingleOrDefaultAsync<PaymentRow>(
            "select id, account_id from payments_payments where psp_reference = @PaymentPspReference", command, ct);
        if (payment is null)
            return false;
        await mediator.Send(new ReopenInvoiceBalanceCommand(payment.Id, command.Amount, $"chargeback:{command.ChargebackPspReference}"), ct);
        outbox.Add(new PaymentChargedBackEvent(payment.Id, payment.AccountId, command.Amount, command.Reason));
        return true;
    }

    private sealed record PaymentRow
    {
        public Guid Id { get; init; }
        public Guid AccountId { get; init; }
    }
}
