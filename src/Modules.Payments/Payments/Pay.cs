using MediatR;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.Modules.Payments.Payments;

/// <summary>
/// The pay flow of DESIGN.md: record + hold (one transaction), charge (no transaction, idempotency key derived from
/// the payment), record the outcome (one transaction). A lost answer leaves the payment unknown; the same request
/// again asks the processor again with the same key, which never charges twice.
/// </summary>
internal sealed class PayCommandHandler(IMediator mediator, AdyenCheckoutClient adyen, IDatabase db, TimeProvider clock, ILogger<PayCommandHandler> logger)
    : IRequestHandler<PayCommand, PaymentDto>
{
    private static readonly TimeSpan InFlightWait = TimeSpan.FromSeconds(35);

    public async Task<PaymentDto> Handle(PayCommand command, CancellationToken ct)
    {
        if (command.Amount.Currency != Money.Usd)
            throw new BusinessRuleException("currency_not_supported", "Only US dollars (USD) are accepted.");
        var begun = await mediator.Send(new BeginPaymentCommand(command, PaymentRequestHash.Of(command)), ct);
        if (!begun.IsNew && begun.Status == PaymentStatus.Processing && clock.GetUtcNow() - begun.CreatedAt < InFlightWait)
            return await WaitForInFlightAsync(command.AccountId, begun.PaymentId, ct);
        if (!begun.IsNew && begun.Status != PaymentStatus.Processing && begun.Status != PaymentStatus.Unknown)
            return await ReadAsync(command.AccountId, begun.PaymentId, ct);

        await ChargeAsync(command, begun, ct);
        return await ReadAsync(command.AccountId, begun.PaymentId, ct);
    }

    private async Task ChargeAsync(PayCommand command, BegunPayment begun, CancellationToken ct)
    {
        var shopper = ShopperReference.For(command.AccountId);
        PaymentResponse response;
        try
        {
            response = await adyen.PaymentsAsync(AdyenRequests.Payment(command, begun, shopper), AdyenRequests.IdempotencyKey(begun.PaymentId), ct);
        }
        catch (AdyenUnreachableException) when (begun.IsNew)
        {
            // This was the payment's first request and it never left us, so nothing can have been charged: release the holds
            // now instead of leaving the invoices held by an unknown payment. A repeat may follow one that did arrive, so not then.
            logger.LogWarning("The processor could not be reached for payment {PaymentId}; nothing was charged", begun.PaymentId);
            await mediator.Send(new RecordPaymentOutcomeCommand(begun.PaymentId, PaymentStatus.Error, null,
                "The payment service could not be reached and nothing was charged. Try again in a few minutes."), ct);
            return;
        }
        catch (AdyenUnavailableException)
        {
            logger.LogWarning("No answer from the processor for payment {PaymentId}; it stays unknown until a retry or a webhook", begun.PaymentId);
            await mediator.Send(new RecordPaymentOutcomeCommand(begun.PaymentId, PaymentStatus.Unknown, null, null), ct);
            return;
        }
        // A 5xx means the request reached the processor, which may have acted on it: unknown, settled by the webhook, a retry with
        // the same key, or the resolver's cancel by our reference, which releases the holds.
        catch (AdyenApiException ex) when (ex.IsTransient || ex.ErrorCode == "704" || ex.StatusCode >= 500)
        {
            logger.LogWarning("The processor answered {Status} for payment {PaymentId}; it stays unknown", ex.StatusCode, begun.PaymentId);
            await mediator.Send(new RecordPaymentOutcomeCommand(begun.PaymentId, PaymentStatus.Unknown, null, null), ct);
            return;
        }
        catch (AdyenApiException ex) when (ex.StatusCode is >= 400 and < 500)
        {
            logger.LogInformation("The processor refused the request for payment {PaymentId} with {ErrorCode}", begun.PaymentId, ex.ErrorCode);
            await mediator.Send(new RecordPaymentOutcomeCommand(begun.PaymentId, PaymentStatus.Error, null,
                "The payment details were not accepted. Check them and try again."), ct);
            return;
        }

        var status = AdyenRequests.StatusOf(response.ResultCode);
        var save = status == PaymentStatus.Authorised && response.StoredPaymentMethodId is { } token
            ? await SavedMethodAsync(shopper, token, response, ct)
            : null;
        await mediator.Send(new RecordPaymentOutcomeCommand(begun.PaymentId, status, response.PspReference,
            status is PaymentStatus.Refused or PaymentStatus.Error ? response.RefusalReason ?? "The payment was refused." : null,
            response.PaymentMethod?.Brand, response.AdditionalData?.GetValueOrDefault(AdditionalDataKeys.CardSummary), save), ct);
    }

    // The stored method's expiry and brand come from the processor, since card fields reach us only encrypted.
    private async Task<NewSavedMethod?> SavedMethodAsync(string shopper, string token, PaymentResponse response, CancellationToken ct)
    {
        try
        {
            var stored = (await adyen.ListStoredPaymentMethodsAsync(shopper, ct)).FirstOrDefault(m => m.Id == token);
            return new NewSavedMethod(token, stored?.Type == PaymentMethodTypes.Ach ? "ach" : "card", stored?.Brand ?? response.PaymentMethod?.Brand,
                stored?.LastFour ?? response.AdditionalData?.GetValueOrDefault(AdditionalDataKeys.CardSummary),
                int.TryParse(stored?.ExpiryMonth, out var month) ? month : null, stored?.ExpiryYearFourDigits);
        }
        catch (Exception ex) when (ex is AdyenUnavailableException or AdyenApiException)
        {
            return new NewSavedMethod(token, response.PaymentMethod?.Type == PaymentMethodTypes.Ach ? "ach" : "card", response.PaymentMethod?.Brand,
                response.AdditionalData?.GetValueOrDefault(AdditionalDataKeys.CardSummary), null, null);
        }
    }

    // A double click or a client retry while the first request is still at the processor: answer what the first one gets.
    private async Task<PaymentDto> WaitForInFlightAsync(Guid accountId, Guid paymentId, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (await db.QuerySingleOrDefaultAsync<string>("select status from payments_payments where id = @PaymentId", new { PaymentId = paymentId }, ct)
               == PaymentStatus.Processing && System.Diagnostics.Stopwatch.GetElapsedTime(started) < InFlightWait)
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        return await ReadAsync(accountId, paymentId, ct);
    }

    private async Task<PaymentDto> ReadAsync(Guid accountId, Guid paymentId, CancellationToken ct) =>
        await mediator.Send(new GetPaymentQuery(accountId, paymentId), ct) ?? throw new NotFoundException("The payment does not exist.");
}

internal static class ShopperReference
{
    public static string For(Guid accountId) => $"acct-{accountId:N}";
}
