using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.BuildingBlocks.Messaging;
using Portal.Modules.Invoicing.Contracts.Holds;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.Modules.Payments.Payments;

/// <summary>
/// The processor cancelled the authorisation (CANCELLATION success=true): no money moves. Holds still reserved are
/// released; holds already applied are owed again. Once per payment: a cancelled, refused or failed payment stays as it is.
/// </summary>
internal sealed record RecordCancellationCommand(string? PaymentPspReference, Guid? PaymentId) : ICommand<bool>;

internal sealed class RecordCancellationCommandHandler(IDatabase db, IMediator mediator, IOutbox outbox, TimeProvider clock)
    : IRequestHandler<RecordCancellationCommand, bool>
{
    public async Task<bool> Handle(RecordCancellationCommand command, CancellationToken ct)
    {
        var payment = await CancelAsync(command, ct);
        if (payment is null)
            return false;

        if (payment.Status == PaymentStatus.Authorised)
        {
            // Refunds already confirmed reopened their share; the rest of what the payment applied is owed again.
            var refunded = await db.ExecuteScalarAsync<long>(
                "select coalesce(sum(amount_minor), 0) from payments_refunds where payment_id = @Id and status = 'succeeded'", payment, ct);
            if (payment.AmountMinor - refunded > 0)
                await mediator.Send(new ReopenInvoiceBalanceCommand(payment.Id, new Money(payment.AmountCurrency, payment.AmountMinor - refunded),
                    $"cancellation:{payment.Id:N}"), ct);
        }
        else
            await mediator.Send(new ReleaseHoldsCommand(payment.Id), ct);
        var reason = payment.Status is PaymentStatus.Unknown or PaymentStatus.Processing
            ? "The payment could not be confirmed with the processor, so it was cancelled and nothing was charged. You can pay again."
            : "The payment was cancelled.";
        outbox.Add(new PaymentFailedEvent(payment.Id, payment.AccountId, payment.PaidBy, new Money(payment.AmountCurrency, payment.AmountMinor), reason));
        return true;
    }

    // The status may change between the read and the update (an AUTHORISATION processed at the same moment): then read
    // again and cancel what the payment has become, rather than dropping the processor's cancellation.
    private async Task<PaymentRow?> CancelAsync(RecordCancellationCommand command, CancellationToken ct)
    {
        while (true)
        {
            // Adyen names the payment by its pspReference (originalReference); our own reference is the fallback.
            var payment = await db.QuerySingleOrDefaultAsync<PaymentRow>(Read, command, ct);
            if (payment is null || payment.Status is PaymentStatus.Refused or PaymentStatus.Error or PaymentStatus.Cancelled)
                return null;
            if (await db.ExecuteAsync(Cancel, new { payment.Id, payment.Status, Now = clock.GetUtcNow() }, ct) == 1)
                return payment;
        }
    }

    private const string Read = """
        select id, status, account_id, paid_by, amount_minor, amount_currency from payments_payments
        where psp_reference = @PaymentPspReference or id = @PaymentId
        """;

    private const string Cancel = """
        update payments_payments set status = 'cancelled', refusal_reason = 'The payment was cancelled.', updated_at = @Now
        where id = @Id and status = @Status
        """;

    private sealed record PaymentRow
    {
        public Guid Id { get; init; }
        public string Status { get; init; } = "";
        public Guid AccountId { get; init; }
        public Guid? PaidBy { get; init; }
        public long AmountMinor { get; init; }
        public string AmountCurrency { get; init; } = "";
    }
}
