namespace Portal.Modules.Payments.Adyen.Emulator;

internal static class PaymentValidation
{
    private static readonly string[] RecurringModels =
        [RecurringProcessingModels.CardOnFile, RecurringProcessingModels.Subscription, RecurringProcessingModels.UnscheduledCardOnFile];

    public static EmulatorResult? CheckMerchant(string? merchantAccount, string expected) =>
        string.IsNullOrEmpty(merchantAccount) ? ServiceErrors.Validation("Required field 'merchantAccount' is not provided.")
        : merchantAccount != expected ? ServiceErrors.InvalidMerchantAccount()
        : null;

    public static EmulatorResult? CheckAmount(Amount? amount) =>
        amount is null || amount.Currency is not { Length: 3 } || !amount.Currency.All(char.IsAsciiLetterUpper) || amount.Value < 0
            ? ServiceErrors.Validation("Field 'amount' needs a 3-letter currency and a value of 0 or more minor units.")
            : null;

    public static EmulatorResult? Check(PaymentRequest request, string merchantAccount)
    {
        if ((CheckMerchant(request.MerchantAccount, merchantAccount) ?? CheckAmount(request.Amount)) is { } invalid)
            return invalid;
        if (string.IsNullOrEmpty(request.Reference) || request.Reference.Length > 80)
            return ServiceErrors.Validation("Field 'reference' is required, at most 80 characters.");
        if (request.PaymentMethod is null)
            return ServiceErrors.Validation("Required field 'paymentMethod' is not provided.");
        if (string.IsNullOrWhiteSpace(request.ReturnUrl))
            return ServiceErrors.ReturnUrlMissing();
        if (request.ShopperReference is { Length: < 3 or > 256 })
            return ServiceErrors.Validation("Field 'shopperReference' must have 3 to 256 characters.");

        var usesToken = request.PaymentMethod.StoredPaymentMethodId is not null;
        if (usesToken && request.ShopperReference is null)
            return ServiceErrors.Validation("A payment with storedPaymentMethodId needs its shopperReference.");
        // Facts §4: required both when creating a token and when paying with one.
        var storesToken = request.StorePaymentMethod == true && request.ShopperReference is not null;
        if ((usesToken || storesToken) && !RecurringModels.Contains(request.RecurringProcessingModel))
            return ServiceErrors.Validation("Field 'recurringProcessingModel' is required to store or use a token.");
        return null;
    }
}
