using MediatR;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.BuildingBlocks.Messaging;
using Portal.Modules.Invoicing.Contracts.Holds;
using Portal.Modules.Payments.Contracts.Refunds;
using Portal.Modules.Payments.Payments;

namespace Portal.Modules.Payments.Refunds;

/// <summary>
/// The processor took money back: the invoices an applied payment paid are owed again, once per chargeback. On a payment
/// not yet settled (an ACH return overtaking its AUTHORISATION) the debit never happened: the payment fails instead,
/// so a late AUTHORISATION success finds it final and applies nothing.
/// </summary>
internal sealed record RecordChargebackCommand(string PaymentPspReference, Guid? PaymentId, string ChargebackPspReference, Money Amount, string? Reason)
    : ICommand<bool>;

internal sealed class RecordChargebackCommandHandler(IDatabase db, IMediator mediator, IOutbox outbox, ILogger<RecordChargebackCommandHandler> logger)
    : IRequestHandler<RecordChargebackCommand, bool>
{
    public async Task<bool> Handle(RecordChargebackCommand command, CancellationToken ct)
    {
        // Our own reference is the fallback for a payment whose pspReference we never heard (a lost answer).
        var payment = await db.QuerySingleOrDefaultAsync<PaymentRow>(
            "select id, account_id, status from payments_payments where psp_reference = @PaymentPspReference or id = @PaymentId", command, ct);
        if (payment is null)
            return false;
        switch (payment.Status)
        {
            case PaymentStatus.Authorised:
                await mediator.Send(new ReopenInvoiceBalanceCommand(payment.Id, command.Amount, $"chargeback:{command.ChargebackPspReference}"), ct);
                break;
            case PaymentStatus.Processing or PaymentStatus.Pending or PaymentStatus.Unknown:
                await mediator.Send(new RecordPaymentOutcomeCommand(payment.Id, PaymentStatus.Refused, command.PaymentPspReference,
                    "The bank returned the payment."), ct);
                break;
            default:
                logger.LogWarning("Chargeback {Chargeback} on payment {PaymentId} that is {Status}: nothing was applied, nothing to reopen",
                    command.ChargebackPspReference, payment.Id, payment.Status);
                return false;
        }
        outbox.Add(new PaymentChargedBackEvent(payment.Id, payment.AccountId, command.Amount, command.Reason));
        return true;
    }

    private sealed record PaymentRow
    {
        public Guid Id { get; init; }
        public Guid AccountId { get; init; }
        public string Status { get; init; } = "";
    }
}
