using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.Modules.Payments.Payments;

/// <summary>How a customer payment becomes a Checkout API request (card-on-file rules: adyen-checkout-facts.md §10).</summary>
internal static class AdyenRequests
{
    private const string ReturnUrl = "https://portal.invalid/payments/return";

    public static string IdempotencyKey(Guid paymentId) => $"pay-{paymentId:N}";

    public static PaymentRequest Payment(PayCommand command, BegunPayment begun, string shopperReference)
    {
        var method = command.Method;
        var amount = new Amount(command.Amount.Currency, command.Amount.Value);
        var reference = begun.PaymentId.ToString("N");
        if (begun.Stored is { } stored)
            return StoredPayment(begun.PaymentId, command.Amount, stored, shopperReference, command.MerchantInitiated);
        var save = command.SavePaymentMethod;
        var details = PaymentRequestHash.MethodType(method) == "ach"
            ? PaymentMethodDetails.Ach(method.BankAccountNumber!, method.BankLocationId!, method.OwnerName!)
            : PaymentMethodDetails.Card(method.EncryptedCardNumber!, method.EncryptedExpiryMonth!, method.EncryptedExpiryYear!, method.EncryptedSecurityCode, method.HolderName!);
        return new PaymentRequest(amount, reference, details, ReturnUrl)
        {
            ShopperReference = shopperReference,
            StorePaymentMethod = save ? true : null,
            ShopperInteraction = ShopperInteractions.Ecommerce,
            // Saved methods are charged later without the customer (autopay), so they are stored for that use.
            RecurringProcessingModel = save ? RecurringProcessingModels.UnscheduledCardOnFile : null,
            CountryCode = details.Type == PaymentMethodTypes.Ach ? "US" : null,
        };
    }

    /// <summary>A payment with a saved method; rebuilt identically when a lost answer is asked for again with the same key.</summary>
    public static PaymentRequest StoredPayment(Guid paymentId, Portal.BuildingBlocks.Money amount, SavedMethod stored, string shopperReference, bool merchantInitiated) =>
        new(new Amount(amount.Currency, amount.Value), paymentId.ToString("N"),
            PaymentMethodDetails.Stored(stored.Token, stored.Type == "ach" ? PaymentMethodTypes.Ach : PaymentMethodTypes.Scheme), ReturnUrl)
        {
            ShopperReference = shopperReference,
            // Facts §10: a shopper-in-session card-on-file payment is Ecommerce; only autopay (merchant-initiated) is ContAuth.
            ShopperInteraction = merchantInitiated ? ShopperInteractions.ContAuth : ShopperInteractions.Ecommerce,
            // The customer is present for a one-click payment; autopay charges without them, at varying amounts and dates.
            RecurringProcessingModel = merchantInitiated ? RecurringProcessingModels.UnscheduledCardOnFile : RecurringProcessingModels.CardOnFile,
        };

    public static string StatusOf(string resultCode) => resultCode switch
    {
        ResultCodes.Authorised => PaymentStatus.Authorised,
        ResultCodes.Received or ResultCodes.Pending => PaymentStatus.Pending,
        ResultCodes.Refused or ResultCodes.Cancelled => PaymentStatus.Refused,
        _ => PaymentStatus.Error,
    };
}
