using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Email;
using Portal.BuildingBlocks.Scheduling;
using Portal.Modules.Identity.Contracts.Users;
using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.Modules.Payments.Payments;

/// <summary>
/// New-card payments cannot be asked again (card fields are never kept), so for them the AUTHORISATION webhook,
/// which Adyen retries for 30 days, settles the payment. Saved-method payments are asked again with their key.
/// </summary>
internal sealed class ResolveStalePaymentsCommandHandler(
    IDatabase db, IServiceScopeFactory scopes, IMediator mediator, IEmailSender email, TimeProvider clock, ILogger<ResolveStalePaymentsCommandHandler> logger)
    : IRequestHandler<ResolveStalePaymentsCommand, SweepResult>
{
    private static readonly TimeSpan Interrupted = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Unsettled = TimeSpan.FromDays(7);

    public async Task<SweepResult> Handle(ResolveStalePaymentsCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stale = await db.QueryAsync<StaleRow>("""
            select p.id, p.account_id, p.status, p.amount_minor, p.amount_currency, p.updated_at, p.merchant_initiated, m.token, m.type
            from payments_payments p left join payments_methods m on m.id = p.stored_method_id
            where p.status = 'unknown' or (p.status = 'processing' and p.updated_at < @Interrupted)
               or (p.status = 'pending' and p.updated_at < @Unsettled)
            order by p.id limit 500
            """, new { Interrupted = now - Interrupted, Unsettled = now - Unsettled }, ct);
        int succeeded = 0, failed = 0;
        var errors = new List<string>();
        foreach (var payment in stale)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await ResolveAsync(scope.ServiceProvider, payment, now, ct);
                succeeded++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed++;
                errors.Add($"{payment.Id:N}: {ex.GetType().Name}");
                logger.LogWarning(ex, "Could not resolve stale payment {PaymentId}", payment.Id);
            }
        }
        return new SweepResult(stale.Count, succeeded, failed) { Errors = errors };
    }

    private async Task ResolveAsync(IServiceProvider services, StaleRow payment, DateTimeOffset now, CancellationToken ct)
    {
        var scoped = services.GetRequiredService<IMediator>();
        if (payment.Token is not null && payment.Status is PaymentStatus.Unknown or PaymentStatus.Processing)
        {
            var adyen = services.GetRequiredService<AdyenCheckoutClient>();
            var request = AdyenRequests.StoredPayment(payment.Id, new Money(payment.AmountCurrency, payment.AmountMinor),
                new SavedMethod(payment.Token, payment.Type ?? "card", null, null), ShopperReference.For(payment.AccountId), payment.MerchantInitiated);
            var response = await adyen.PaymentsAsync(request, AdyenRequests.IdempotencyKey(payment.Id), ct);
            var status = AdyenRequests.StatusOf(response.ResultCode);
            await scoped.Send(new RecordPaymentOutcomeCommand(payment.Id, status, response.PspReference,
                status is PaymentStatus.Refused or PaymentStatus.Error ? response.RefusalReason ?? "The payment was refused." : null), ct);
            return;
        }
        if (payment.Status == PaymentStatus.Processing)
        {
            await scoped.Send(new RecordPaymentOutcomeCommand(payment.Id, PaymentStatus.Unknown, null, null), ct);
            return;
        }
        // Finance hears once per payment, not every ten minutes.
        if (now - payment.UpdatedAt >= Unsettled && await db.ExecuteAsync(
                "update payments_payments set alerted_at = @Now where id = @Id and alerted_at is null", new { Now = now, payment.Id }, ct) == 1)
            await AlertFinanceAsync(payment, ct);
    }

    private async Task AlertFinanceAsync(StaleRow payment, CancellationToken ct)
    {
        var amount = new Money(payment.AmountCurrency, payment.AmountMinor);
        foreach (var staff in await mediator.Send(new GetStaffRecipientsQuery(), ct))
            await email.SendAsync(new EmailMessage(staff.Email, $"Payment unsettled for a week: {amount}",
                $"Payment {payment.Id:N} ({amount}, {payment.Status}) has had no final answer from the processor for a week. "
                + "Check it in Adyen's Customer Area; its invoices stay held until it settles.",
                $"<p>Payment {payment.Id:N} ({amount}, {payment.Status}) has had no final answer from the processor for a week. "
                + "Check it in Adyen's Customer Area; its invoices stay held until it settles.</p>"), ct);
    }

    private sealed record StaleRow
    {
        public Guid Id { get; init; }
        public Guid AccountId { get; init; }
        public string Status { get; init; } = "";
        public long AmountMinor { get; init; }
        public string AmountCurrency { get; init; } = "";
        public DateTimeOffset UpdatedAt { get; init; }
        public bool MerchantInitiated { get; init; }
        public string? Token { get; init; }
        public string? Type { get; init; }
    }
}
