namespace Portal.Modules.Payments.Adyen.Emulator;

/// <summary>
/// POST /cancels by our payment reference: acknowledged at once (201, status "received"); the outcome follows as a
/// TECHNICAL_CANCEL webhook. Emulator's choices: a reference that was never charged cancels successfully (nothing will be
/// charged under it), and a payment with refunds cannot be cancelled (success=false).
/// </summary>
internal sealed class CancelProcessor(EmulatorOptions options, EmulatorLedger ledger)
{
    public EmulatorResult CancelByReference(byte[] body, string? idempotencyKey)
    {
        if (!EmulatorJson.TryRead<CancelByReferenceRequest>(body, out var request, out var unreadable))
            return unreadable;
        if (PaymentValidation.CheckMerchant(request.MerchantAccount, options.MerchantAccount) is { } invalid)
            return invalid;
        if (string.IsNullOrWhiteSpace(request.PaymentReference))
            return ServiceErrors.Validation("Required field 'paymentReference' is not provided.");

        var (charge, cancelled) = ledger.CancelByReference(request.PaymentReference);
        var pspReference = EmulatorIds.NewPspReference();
        var response = new CancelByReferenceResponse
        {
            PspReference = pspReference, PaymentReference = request.PaymentReference, MerchantAccount = options.MerchantAccount,
            Reference = request.Reference, Status = "received",
        };
        var webhook = WebhookFactory.TechnicalCancel(charge, pspReference, request.Reference ?? request.PaymentReference, cancelled,
            options.MerchantAccount, options.TimeProvider.GetUtcNow());
        return EmulatorResult.Of(201, response) with { Webhooks = [webhook] };
    }
}
