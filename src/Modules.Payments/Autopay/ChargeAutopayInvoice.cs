using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.BuildingBlocks.Mediation;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Payments.Contracts.Payments;
using Portal.Modules.Payments.Payments;

namespace Portal.Modules.Payments.Autopay;

/// <summary>Charges one invoice's attempt; true when the charge went through (authorised, or pending for ACH).</summary>
internal sealed record ChargeAutopayInvoiceCommand(AutopayAccount Account, Guid InvoiceId, int Attempt, AttemptState? Last) : IWorkflowCommand<bool>;

/// <summary>
/// The attempt is claimed by inserting its row first, so two runs (or two hosts) never charge the same attempt. A resumed
/// attempt (left 'charging' by a run that died or lost the processor's answer) sends the same idempotency key, derived
/// from invoice and attempt, so the processor answers the first charge instead of making a second one.
/// </summary>
internal sealed class ChargeAutopayInvoiceCommandHandler(IDatabase db, IMediator mediator, AutopayOptions options, TimeProvider clock)
    : IRequestHandler<ChargeAutopayInvoiceCommand, bool>
{
    public async Task<bool> Handle(ChargeAutopayInvoiceCommand command, CancellationToken ct)
    {
        var (account, attempt) = (command.Account, command.Attempt);
        var resuming = command.Last is { Status: AttemptStatus.Charging } last && last.Attempt == attempt;
        // Read again: a customer who paid by hand (or started a payment) since the sweep looked takes precedence.
        var invoice = await mediator.Send(new GetInvoiceQuery(account.AccountId, command.InvoiceId), ct);
        if (invoice is null || invoice.Status is not ("open" or "partially_paid") || invoice.Balance.Value <= 0
            || (!resuming && invoice.PendingPayments.Value > 0))
            return false;
        // Claimed under the same row lock as a skip: a skip that committed first wins, and a later skip sees the claim.
        if (!resuming && !await mediator.Send(new ClaimAutopayAttemptCommand(account.AccountId, command.InvoiceId, attempt), ct))
            return false;

        var amount = new Money(invoice.Balance.Currency, invoice.Balance.Value);
        PaymentDto payment;
        try
        {
            payment = await mediator.Send(new PayCommand(account.AccountId, null, $"autopay-{command.InvoiceId:N}-{attempt}", amount,
                [new PaymentAllocationDto(command.InvoiceId, amount)], new PaymentMethodInputDto { StoredPaymentMethodId = account.PaymentMethodId },
                false, MerchantInitiated: true), ct);
        }
        catch (BusinessRuleException)
        {
            // The hold was refused (paid or held meanwhile), so no payment exists under this key: free the attempt for a later run.
            await db.ExecuteAsync("delete from payments_autopay_attempts where invoice_id = @InvoiceId and attempt = @Attempt and status = 'charging'",
                new { command.InvoiceId, Attempt = attempt }, ct);
            return false;
        }
        if (payment.Status is PaymentStatus.Unknown or PaymentStatus.Processing)
            return false;   // stays 'charging'; a later run asks again with the same key, or a webhook settles the payment first

        // A payment cancelled because its answer was lost (the resolver's POST /cancels) charged nothing: retry it like a refusal.
        var refused = payment.Status is PaymentStatus.Refused or PaymentStatus.Error or PaymentStatus.Cancelled;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var next = refused ? AutopayRules.NextRetry(attempt, options.RetryAfterDays, today) : null;
        await mediator.Send(new RecordAutopayAttemptCommand(account.AccountId, command.InvoiceId, attempt, payment.PaymentId,
            refused ? AttemptStatus.Refused : payment.Status, next, invoice.InvoiceNumber, amount, payment.RefusalReason), ct);
        return !refused;
    }
}
