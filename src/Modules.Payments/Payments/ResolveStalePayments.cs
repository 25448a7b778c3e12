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
/// Settles payments whose outcome we lack. A saved-method payment is asked again with its key (the processor answers the
/// first request). Any other, or one that still gets no answer, is cancelled by our own reference (POST /cancels) once it
/// has waited CancelAfter for its webhook; the TECHNICAL_CANCEL webhook then releases the holds (RecordCancellation), and an
/// AUTHORISATION that arrives first still wins. A 'processing' row older than Interrupted was left by a host that died.
/// </summary>
internal sealed class ResolveStalePaymentsCommandHandler(
    IDatabase db, IServiceScopeFactory scopes, IMediator mediator, IEmailSender email, TimeProvider clock, ILogger<ResolveStalePaymentsCommandHandler> logger,
    Refunds.ResendStaleRefunds staleRefunds)
    : IRequestHandler<ResolveStalePaymentsCommand, SweepResult>
{
    // Far beyond the client's 30 s timeout and the pay flow's 35 s wait for an in-flight duplicate: nobody is still asking.
    private static readonly TimeSpan Interrupted = TimeSpan.FromMinutes(2);
    // The AUTHORISATION webhook normally follows a lost answer within seconds; after this we stop waiting and cancel.
    private static readonly TimeSpan CancelAfter = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Unsettled = TimeSpan.FromDays(7);

    public async Task<SweepResult> Handle(ResolveStalePaymentsCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stale = await db.QueryAsync<StaleRow>($"""
            select p.id, p.account_id, p.status, p.amount_minor, p.amount_currency, p.updated_at, p.merchant_initiated, p.cancel_requested_at,
                   m.token, m.type
            from payments_payments p left join payments_methods m on m.id = p.stored_method_id
            where p.status = 'unknown' or (p.status = 'processing' and p.updated_at < @Interrupted)
               or (p.status = 'pending' and p.updated_at < @Unsettled) or {StaleCancels.Unconfirmed}
            order by p.id limit 500
            """, new
            {
                Interrupted = now - Interrupted, Unsettled = now - Unsettled,
                CancelResendBefore = now - StaleCancels.ResendEvery, CancelGiveUpBefore = now - StaleCancels.GiveUpAfter,
            }, ct);
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
        // Refunds whose answer never came are swept by the same job.
        var refunds = await staleRefunds.RunAsync(ct);
        errors.AddRange(refunds.Errors);
        return new SweepResult(stale.Count + refunds.Found, succeeded + refunds.Succeeded, failed + refunds.Errors.Count) { Errors = errors };
    }

    private async Task ResolveAsync(IServiceProvider services, StaleRow payment, DateTimeOffset now, CancellationToken ct)
    {
        var scoped = services.GetRequiredService<IMediator>();
        if (payment.Status is PaymentStatus.Unknown or PaymentStatus.Processing)
        {
            var adyen = services.GetRequiredService<AdyenCheckoutClient>();
            if (payment.Token is not null && await AskAgainAsync(adyen, scoped, payment, ct))
                return;
            var interrupted = payment.Status == PaymentStatus.Processing;
            if (interrupted)
                await scoped.Send(new RecordPaymentOutcomeCommand(payment.Id, PaymentStatus.Unknown, null, null), ct);
            if (interrupted || now - payment.UpdatedAt >= CancelAfter)
            {
                await StaleCancels.CancelAsync(services.GetRequiredService<IDatabase>(), adyen, payment.Id, payment.CancelRequestedAt, now, ct);
                logger.LogInformation("Asked the processor to cancel payment {PaymentId}, whose outcome never reached us", payment.Id);
            }
            return;
        }
        if (StaleCancels.IsDue(payment.CancelRequestedAt, now))
        {
            await StaleCancels.CancelAsync(services.GetRequiredService<IDatabase>(), services.GetRequiredService<AdyenCheckoutClient>(), payment.Id,
                payment.CancelRequestedAt, now, ct);
            logger.LogWarning("The cancel of payment {PaymentId} was never confirmed; asked again", payment.Id);
        }
        // Finance hears once per payment, not at every run.
        if (payment.Status == PaymentStatus.Pending && now - payment.UpdatedAt >= Unsettled && await db.ExecuteAsync(
                "update payments_payments set alerted_at = @Now where id = @Id and alerted_at is null", new { Now = now, payment.Id }, ct) == 1)
            await AlertFinanceAsync(payment, ct);
    }

    // True when the processor answered: the same key returns the first request's outcome, never a second charge.
    private static async Task<bool> AskAgainAsync(AdyenCheckoutClient adyen, IMediator scoped, StaleRow payment, CancellationToken ct)
    {
        var request = AdyenRequests.StoredPayment(payment.Id, new Money(payment.AmountCurrency, payment.AmountMinor),
            new SavedMethod(payment.Token!, payment.Type ?? "card", null, null), ShopperReference.For(payment.AccountId), payment.MerchantInitiated);
        PaymentResponse response;
        try
        {
            response = await adyen.PaymentsAsync(request, AdyenRequests.IdempotencyKey(payment.Id), ct);
        }
        catch (Exception ex) when (ex is AdyenUnavailableException || ex is AdyenApiException { IsTransient: true } or AdyenApiException { ErrorCode: "704" }
                                   or AdyenApiException { StatusCode: >= 500 })
        {
            return false;
        }
        var status = AdyenRequests.StatusOf(response.ResultCode);
        await scoped.Send(new RecordPaymentOutcomeCommand(payment.Id, status, response.PspReference,
            status is PaymentStatus.Refused or PaymentStatus.Error ? response.RefusalReason ?? "The payment was refused." : null), ct);
        return true;
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
        public DateTimeOffset? CancelRequestedAt { get; init; }
        public string? Token { get; init; }
        public string? Type { get; init; }
    }
}
