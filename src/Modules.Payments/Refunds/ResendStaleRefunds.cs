using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Payments.Adyen;

namespace Portal.Modules.Payments.Refunds;

/// <summary>
/// Part of the stale-payments job: a refund still 'requested' after StaleAfter never got its answer (a 500, a lost answer, a
/// host that stopped after reserving it). It is sent again with the SAME idempotency key, so the processor refunds at most
/// once; an answer moves it to 'received' (the REFUND webhook settles it), a 4xx refusal fails it and frees the reservation.
/// </summary>
internal sealed class ResendStaleRefunds(IDatabase db, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ResendStaleRefunds> logger)
{
    // Well past the client's timeout, so the first request is no longer in flight (its key would answer the same anyway).
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(3);

    private const string StaleSql = """
        select r.id, r.amount_minor, r.amount_currency, p.psp_reference
        from payments_refunds r join payments_payments p on p.id = r.payment_id
        where r.status = 'requested' and r.updated_at < @Before and p.psp_reference is not null
        order by r.id limit 500
        """;

    public async Task<(int Found, int Succeeded, IReadOnlyList<string> Errors)> RunAsync(CancellationToken ct)
    {
        var stale = await db.QueryAsync<StaleRefund>(StaleSql, new { Before = clock.GetUtcNow() - StaleAfter }, ct);
        var errors = new List<string>();
        foreach (var refund in stale)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await ResendAsync(scope.ServiceProvider, refund, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                errors.Add($"refund {refund.Id:N}: {ex.GetType().Name}");
                logger.LogWarning(ex, "Could not resend stale refund {RefundId}", refund.Id);
            }
        }
        return (stale.Count, stale.Count - errors.Count, errors);
    }

    private async Task ResendAsync(IServiceProvider services, StaleRefund refund, CancellationToken ct)
    {
        var adyen = services.GetRequiredService<AdyenCheckoutClient>();
        var mediator = services.GetRequiredService<IMediator>();
        try
        {
            var response = await adyen.RefundAsync(refund.PspReference, new RefundRequest(new Amount(refund.AmountCurrency, refund.AmountMinor))
            {
                Reference = refund.Id.ToString("N"),
                MerchantRefundReason = "CUSTOMER REQUEST",
            }, RefundKeys.ProcessorKey(refund.Id), ct);
            await mediator.Send(new MarkRefundCommand(refund.Id, RefundStatus.Received, response.PspReference), ct);
        }
        catch (AdyenApiException ex) when (ex.StatusCode is >= 400 and < 500 && !ex.IsTransient)
        {
            logger.LogWarning("The processor refused refund {RefundId} with {ErrorCode}; it fails", refund.Id, ex.ErrorCode);
            await mediator.Send(new MarkRefundCommand(refund.Id, RefundStatus.Failed, null), ct);
        }
        catch (Exception ex) when (ex is AdyenUnavailableException or AdyenApiException)
        {
            // Still no answer: it stays requested, and the next run asks again with the same key.
            logger.LogWarning("Refund {RefundId} is still unconfirmed by the processor: {Error}", refund.Id, ex.GetType().Name);
        }
    }

    private sealed record StaleRefund
    {
        public Guid Id { get; init; }
        public long AmountMinor { get; init; }
        public string AmountCurrency { get; init; } = "";
        public string PspReference { get; init; } = "";
    }
}
