using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Scheduling;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Payments.Contracts.Autopay;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.Modules.Payments.Autopay;

/// <summary>
/// Each invoice is charged in its own scope. An attempt is claimed by inserting its row first, so two runs (or two
/// hosts) never charge the same attempt; the idempotency key derived from invoice and attempt makes a run that died
/// mid-charge safe to repeat. Invoices with a payment pending are skipped, never charged beside it.
/// </summary>
internal sealed class RunAutopayCommandHandler(IDatabase db, IServiceScopeFactory scopes, IMediator mediator, AutopayNotices notices,
    TimeProvider clock, ILogger<RunAutopayCommandHandler> logger) : IRequestHandler<RunAutopayCommand, SweepResult>
{
    internal static readonly int[] RetryAfterDays = [1, 3, 5];

    public async Task<SweepResult> Handle(RunAutopayCommand command, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var accounts = await db.QueryAsync<AccountRow>(
            "select account_id, payment_method_id from payments_autopay where enabled = @Yes and payment_method_id is not null", new { Yes = true }, ct);
        int found = 0, succeeded = 0, failed = 0;
        var errors = new List<string>();
        foreach (var account in accounts)
            foreach (var invoice in (await mediator.Send(new GetOpenInvoicesQuery(account.AccountId), ct))
                     .Where(i => i.DueDate <= today && i.PendingPayments.Value == 0 && i.Balance.Value > 0))
            {
                found++;
                try
                {
                    if (await ChargeAsync(account, invoice, today, ct))
                        succeeded++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failed++;
                    errors.Add($"{invoice.InvoiceNumber}: {ex.GetType().Name}");
                    logger.LogWarning(ex, "Autopay could not charge invoice {InvoiceId}", invoice.InvoiceId);
                }
            }
        return new SweepResult(found, succeeded, failed) { Errors = errors };
    }

    private async Task<bool> ChargeAsync(AccountRow account, InvoiceDto invoice, DateOnly today, CancellationToken ct)
    {
        var last = await db.QuerySingleOrDefaultAsync<AttemptRow>("""
            select attempt, status, next_attempt_on from payments_autopay_attempts where invoice_id = @InvoiceId order by attempt desc limit 1
            """, new { invoice.InvoiceId }, ct);
        var attempt = last switch
        {
            null => 1,
            { Status: "refused" } when last.NextAttemptOn <= today && last.Attempt <= RetryAfterDays.Length => last.Attempt + 1,
            { Status: "charging" } => last.Attempt,
            _ => 0,
        };
        if (attempt == 0)
            return false;
        if (last?.Status != "charging" && await db.ExecuteAsync("""
                insert into payments_autopay_attempts (invoice_id, attempt, account_id, status, attempted_at)
                values (@InvoiceId, @Attempt, @AccountId, 'charging', @Now) on conflict (invoice_id, attempt) do nothing
                """, new { invoice.InvoiceId, Attempt = attempt, account.AccountId, Now = clock.GetUtcNow() }, ct) == 0)
            return false;

        await using var scope = scopes.CreateAsyncScope();
        var amount = new Money(invoice.Balance.Currency, invoice.Balance.Value);
        var payment = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PayCommand(account.AccountId, null,
            $"autopay-{invoice.InvoiceId:N}-{attempt}", amount, [new PaymentAllocationDto(invoice.InvoiceId, amount)],
            new PaymentMethodInputDto { StoredPaymentMethodId = account.PaymentMethodId }, false, MerchantInitiated: true), ct);
        var refused = payment.Status is "refused" or "error";
        await db.ExecuteAsync("""
            update payments_autopay_attempts set status = @Status, payment_id = @PaymentId, next_attempt_on = @Next
            where invoice_id = @InvoiceId and attempt = @Attempt
            """, new
        {
            Status = refused ? "refused" : payment.Status, payment.PaymentId, invoice.InvoiceId, Attempt = attempt,
            Next = refused && attempt <= RetryAfterDays.Length ? today.AddDays(RetryAfterDays[attempt - 1]) : (DateOnly?)null,
        }, ct);
        if (refused)
            await notices.RefusedAsync(account.AccountId, invoice, amount, payment.RefusalReason, attempt > RetryAfterDays.Length, ct);
        return !refused;
    }

    private sealed record AccountRow
    {
        public Guid AccountId { get; init; }
        public Guid PaymentMethodId { get; init; }
    }

    private sealed record AttemptRow
    {
        public int Attempt { get; init; }
        public string Status { get; init; } = "";
        public DateOnly? NextAttemptOn { get; init; }
    }
}
