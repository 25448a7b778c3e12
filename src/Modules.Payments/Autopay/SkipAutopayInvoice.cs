using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Payments.Contracts.Autopay;

namespace Portal.Modules.Payments.Autopay;

/// <summary>
/// Records that autopay leaves this invoice alone; the plan then drops it, so reminders resume for it. Skipping twice is
/// a no-op; an attempt already at the processor cannot be taken back.
/// </summary>
internal sealed class SkipAutopayInvoiceCommandHandler(IDatabase db, IMediator mediator, TimeProvider clock) : AsyncRequestHandler<SkipAutopayInvoiceCommand>
{
    protected override async Task Handle(SkipAutopayInvoiceCommand command, CancellationToken ct)
    {
        // Taken before both reads below, as the charge's claim takes it (ClaimAutopayAttemptCommand). The invoice is read under
        // the lock too: a charge that finished between an earlier read and the lock has left no 'charging' attempt, only a paid invoice.
        await AutopaySql.LockAccountAsync(db, command.AccountId, ct);
        if (await mediator.Send(new GetInvoiceQuery(command.AccountId, command.InvoiceId), ct) is not { Status: "open" or "partially_paid" })
            throw new NotFoundException("There is no such open invoice.");
        var charging = await db.ExecuteScalarAsync<long>("""
            select count(*) from payments_autopay_attempts where invoice_id = @InvoiceId and account_id = @AccountId and status = 'charging'
            """, new { command.InvoiceId, command.AccountId }, ct);
        if (charging > 0)
            throw new BusinessRuleException("autopay_charge_in_progress", "Autopay is charging this invoice right now; it cannot be skipped.");
        await AutopaySql.ClaimMarkAsync(db, command.InvoiceId, AutopayMark.Skipped, command.AccountId, clock.GetUtcNow(), command.SkippedBy, ct);
    }
}
