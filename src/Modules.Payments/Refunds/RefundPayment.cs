using MediatR;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.BuildingBlocks.Mediation;
using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Contracts.Refunds;
using Portal.Modules.Payments.Payments;

namespace Portal.Modules.Payments.Refunds;

/// <summary>
/// Reserves the refund against what is left of the payment (one transaction, so two refunds at once cannot exceed it),
/// then asks the processor with the refund's id as idempotency key. The REFUND webhook settles it.
/// </summary>
internal sealed class RefundPaymentCommandHandler(IMediator mediator, AdyenCheckoutClient adyen, ILogger<RefundPaymentCommandHandler> logger)
    : IRequestHandler<RefundPaymentCommand, RefundDto>
{
    public async Task<RefundDto> Handle(RefundPaymentCommand command, CancellationToken ct)
    {
        var refund = await mediator.Send(new ReserveRefundCommand(command.PaymentId, command.Amount, command.IdempotencyKey), ct);
        // A repeated request never calls the processor again: the first one does, and a lost answer is settled by the webhook.
        if (!refund.IsNew)
            return await mediator.Send(new GetRefundQuery(refund.RefundId), ct);
        try
        {
            var response = await adyen.RefundAsync(refund.PspReference, new RefundRequest(new Amount(command.Amount.Currency, command.Amount.Value))
            {
                Reference = refund.RefundId.ToString("N"),
                MerchantRefundReason = "CUSTOMER REQUEST",
            }, RefundKeys.ProcessorKey(refund.RefundId), ct);
            await mediator.Send(new MarkRefundCommand(refund.RefundId, RefundStatus.Received, response.PspReference), ct);
        }
        catch (Exception ex) when (ex is AdyenUnavailableException or AdyenApiException)
        {
            // A lost answer or a 5xx leaves the refund requested: the REFUND webhook settles it, or the stale sweep resends it with this key.
            logger.LogWarning("Refund {RefundId} was not confirmed by the processor: {Error}", refund.RefundId, ex.GetType().Name);
            if (ex is AdyenApiException { StatusCode: >= 400 and < 500, IsTransient: false })
                await mediator.Send(new MarkRefundCommand(refund.RefundId, RefundStatus.Failed, null), ct);
        }
        return await mediator.Send(new GetRefundQuery(refund.RefundId), ct);
    }
}

internal sealed record ReserveRefundCommand(Guid PaymentId, Money Amount, string? IdempotencyKey = null) : ICommand<ReservedRefund>;

internal sealed record ReservedRefund(Guid RefundId, string PspReference, bool IsNew = true);

internal sealed class ReserveRefundCommandHandler(IDatabase db, TimeProvider clock) : IRequestHandler<ReserveRefundCommand, ReservedRefund>
{
    public async Task<ReservedRefund> Handle(ReserveRefundCommand command, CancellationToken ct)
    {
        if (command.Amount.Value <= 0)
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("amount", "The refund must be more than zero.")]);
        // Locks the payment row on PostgreSQL; SQLite's write transaction already serialises refunds.
        var lockClause = db.Dialect == SqlDialect.Postgres ? "for update" : "";
        var payment = await db.QuerySingleOrDefaultAsync<PaymentRow>($"""
            select status, amount_minor, amount_currency, psp_reference from payments_payments where id = @PaymentId {lockClause}
            """, command, ct) ?? throw new NotFoundException("There is no such payment.");
        if (await RefundKeys.ExistingAsync(db, command, ct) is { } existing)
            return existing;
        if (payment.Status != PaymentStatus.Authorised || payment.PspReference is null)
            throw new BusinessRuleException("payment_not_refundable", "Only an authorised payment can be refunded.");
        var refunded = await db.ExecuteScalarAsync<long>(
            "select coalesce(sum(amount_minor), 0) from payments_refunds where payment_id = @PaymentId and status <> 'failed'", command, ct);
        if (command.Amount.Currency != payment.AmountCurrency || refunded + command.Amount.Value > payment.AmountMinor)
            throw new BusinessRuleException("refund_exceeds_payment",
                $"At most {new Money(payment.AmountCurrency, payment.AmountMinor - refunded)} of this payment can still be refunded.");
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var inserted = await db.ExecuteAsync("""
            insert into payments_refunds (id, payment_id, amount_minor, amount_currency, status, idempotency_key, created_at, updated_at)
            values (@Id, @PaymentId, @Amount, @Currency, 'requested', @Key, @Now, @Now)
            on conflict (payment_id, idempotency_key) do nothing
            """, new { Id = id, command.PaymentId, Amount = command.Amount.Value, command.Amount.Currency, Key = command.IdempotencyKey, Now = clock.GetUtcNow() }, ct);
        if (inserted == 0)
            // A twin with the same key committed between our read and our insert.
            return await RefundKeys.ExistingAsync(db, command, ct) ?? throw new ConflictException("The refund could not be recorded; try again.");
        return new ReservedRefund(id, payment.PspReference);
    }

    private sealed record PaymentRow
    {
        public string Status { get; init; } = "";
        public long AmountMinor { get; init; }
        public string AmountCurrency { get; init; } = "";
        public string? PspReference { get; init; }
    }
}

internal static class RefundStatus
{
    public const string Requested = "requested";
    public const string Received = "received";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
