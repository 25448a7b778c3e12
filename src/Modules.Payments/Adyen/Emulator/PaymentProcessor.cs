namespace Portal.Modules.Payments.Adyen.Emulator;

internal sealed class PaymentProcessor(EmulatorOptions options, EmulatorLedger ledger, EmulatorChaos chaos)
{
    public EmulatorResult Pay(byte[] body, string? idempotencyKey)
    {
        if (!EmulatorJson.TryRead<PaymentRequest>(body, out var request, out var unreadable))
            return unreadable;
        if (PaymentValidation.Check(request, options.MerchantAccount) is { } invalid)
            return invalid;
        var check = CheckMethod(request);
        return check.Error ?? Record(request, check.Method!, check.Outcome!, idempotencyKey);
    }

    // We never send an action, so the only details we can complete are a redirectResult naming one of our payments.
    public EmulatorResult Details(byte[] body, string? idempotencyKey)
    {
        if (!EmulatorJson.TryRead<PaymentDetailsRequest>(body, out var request, out var unreadable))
            return unreadable;
        var reference = request.Details?.GetValueOrDefault("redirectResult") ?? request.Details?.GetValueOrDefault("threeDSResult");
        return reference is not null && ledger.Find(reference) is { } charge
            ? EmulatorResult.Json200(charge.Response)
            : ServiceErrors.Validation("Invalid payload provided: no payment is waiting for these details.");
    }

    private MethodCheck CheckMethod(PaymentRequest request)
    {
        var method = request.PaymentMethod;
        var now = options.TimeProvider.GetUtcNow();
        if (method.StoredPaymentMethodId is { } id)
            return CheckStored(request, id, now);
        return (method.Type ?? PaymentMethodTypes.Scheme) switch
        {
            PaymentMethodTypes.Scheme => CardCheck.Evaluate(method, request.AdditionalData, now),
            PaymentMethodTypes.Ach => AchCheck.Evaluate(method, request.Amount),
            var other => MethodCheck.Failed(ServiceErrors.Validation($"Payment method type '{other}' is not supported by the emulator.")),
        };
    }

    private MethodCheck CheckStored(PaymentRequest request, string id, DateTimeOffset now)
    {
        // A token belongs to one shopperReference (facts §10).
        if (ledger.FindStored(id) is not { } stored || stored.ShopperReference != request.ShopperReference)
            return MethodCheck.Failed(ServiceErrors.StoredMethodNotFound());
        // Adyen's tokenization guide: the shopper is in session for CardOnFile, so the payment is Ecommerce, not ContAuth.
        if (request.RecurringProcessingModel == RecurringProcessingModels.CardOnFile && request.ShopperInteraction == ShopperInteractions.ContAuth)
            return MethodCheck.Failed(ServiceErrors.Validation("Invalid shopperInteraction: a CardOnFile payment with the shopper present is Ecommerce."));
        var outcome = stored.Method.Type == PaymentMethodTypes.Ach ? Outcome.Received
            : chaos.DeclineStoredCardsOnMit && request.ShopperInteraction == ShopperInteractions.ContAuth ? Outcome.Refused("Not enough balance", "12")
            : CardCheck.IsExpired(stored.Method, now) ? Outcome.Refused("Expired Card", "6")
            : Outcome.Authorised;
        return new MethodCheck(stored.Method, outcome, null);
    }

    private EmulatorResult Record(PaymentRequest request, MethodSnapshot method, Outcome outcome, string? idempotencyKey)
    {
        var pspReference = EmulatorIds.NewPspReference();
        var succeeded = outcome.ResultCode is ResultCodes.Authorised or ResultCodes.Received;
        var tokenization = succeeded && request is { StorePaymentMethod: true, ShopperReference: { } shopper, PaymentMethod.StoredPaymentMethodId: null }
            ? ledger.Store(shopper, method, request.RecurringProcessingModel!)
            : null;
        var authCode = outcome.ResultCode == ResultCodes.Authorised ? EmulatorIds.NewAuthCode() : null;
        var charge = new EmulatorCharge(pspReference, request.Reference, request.Amount, idempotencyKey, method,
            Respond(pspReference, request, method, outcome, authCode, tokenization))
        {
            ShopperReference = request.ShopperReference,
            PaidWithStoredPaymentMethodId = request.PaymentMethod.StoredPaymentMethodId,
            Tokenization = tokenization,
            AuthCode = authCode,
            RefundWillFail = string.Equals(request.PaymentMethod.HolderName?.Trim(), TestCards.RefundFailedHolderName, StringComparison.OrdinalIgnoreCase),
        };
        ledger.Add(charge);

        var result = EmulatorResult.Json200(charge.Response);
        if (outcome.ResultCode == ResultCodes.Received)
            return result with { SettleLater = pspReference };
        var webhook = WebhookFactory.Authorisation(charge, outcome.ResultCode == ResultCodes.Authorised, options.MerchantAccount, options.TimeProvider.GetUtcNow());
        return result with { Webhooks = [webhook] };
    }

    private static PaymentResponse Respond(string pspReference, PaymentRequest request, MethodSnapshot method, Outcome outcome,
        string? authCode, Tokenization? tokenization)
    {
        var additionalData = new Dictionary<string, string>();
        if (authCode is not null)
            additionalData[AdditionalDataKeys.AuthCode] = authCode;
        if (authCode is not null && method.Type == PaymentMethodTypes.Scheme)
            additionalData[AdditionalDataKeys.CardSummary] = method.LastFour;
        if (tokenization is not null)
            WebhookFactory.AddTokenization(additionalData, tokenization);

        var response = new PaymentResponse
        {
            PspReference = pspReference,
            ResultCode = outcome.ResultCode,
            MerchantReference = request.Reference,
            AdditionalData = additionalData.Count > 0 ? additionalData : null,
        };
        return outcome.ResultCode switch
        {
            ResultCodes.Authorised => response with { Amount = request.Amount, PaymentMethod = new ResponsePaymentMethod(method.Type, method.Brand) },
            ResultCodes.Received => response,
            _ => response with { RefusalReason = outcome.RefusalReason, RefusalReasonCode = outcome.RefusalReasonCode },
        };
    }
}
