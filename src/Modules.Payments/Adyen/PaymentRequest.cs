using System.Text;

namespace Portal.Modules.Payments.Adyen;

internal sealed record PaymentRequest(Amount Amount, string Reference, PaymentMethodDetails PaymentMethod, string ReturnUrl)
{
    // The client fills this in from AdyenOptions.
    public string? MerchantAccount { get; init; }
    public string? ShopperReference { get; init; }
    public bool? StorePaymentMethod { get; init; }
    public string? ShopperInteraction { get; init; }
    public string? RecurringProcessingModel { get; init; }
    public string? CountryCode { get; init; }
    public string? ShopperEmail { get; init; }
    public Dictionary<string, string>? AdditionalData { get; init; }
}

internal sealed record PaymentMethodDetails
{
    public string? Type { get; init; }
    public string? EncryptedCardNumber { get; init; }
    public string? EncryptedExpiryMonth { get; init; }
    public string? EncryptedExpiryYear { get; init; }
    public string? EncryptedSecurityCode { get; init; }
    public string? HolderName { get; init; }
    public string? StoredPaymentMethodId { get; init; }
    public string? BankAccountNumber { get; init; }
    public string? BankLocationId { get; init; }
    public string? EncryptedBankAccountNumber { get; init; }
    public string? EncryptedBankLocationId { get; init; }
    public string? BankAccountType { get; init; }
    public string? OwnerName { get; init; }

    public static PaymentMethodDetails Card(string number, string month, string year, string? cvc, string holderName) => new()
    {
        Type = PaymentMethodTypes.Scheme,
        EncryptedCardNumber = number,
        EncryptedExpiryMonth = month,
        EncryptedExpiryYear = year,
        EncryptedSecurityCode = cvc,
        HolderName = holderName,
    };

    public static PaymentMethodDetails Ach(string accountNumber, string routingNumber, string ownerName, string accountType = "checking") => new()
    {
        Type = PaymentMethodTypes.Ach,
        BankAccountNumber = accountNumber,
        BankLocationId = routingNumber,
        BankAccountType = accountType,
        OwnerName = ownerName,
    };

    public static PaymentMethodDetails Stored(string storedPaymentMethodId, string type = PaymentMethodTypes.Scheme) =>
        new() { Type = type, StoredPaymentMethodId = storedPaymentMethodId };

    // Card and bank fields must never reach a log line, so the generated ToString shows only the kind of method.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Type = {Type}, StoredPaymentMethodId = {StoredPaymentMethodId}");
        return true;
    }
}

internal static class PaymentMethodTypes
{
    public const string Scheme = "scheme";
    public const string Ach = "ach";
}

internal static class ShopperInteractions
{
    public const string Ecommerce = "Ecommerce";
    public const string ContAuth = "ContAuth";
}

internal static class RecurringProcessingModels
{
    public const string CardOnFile = "CardOnFile";
    public const string Subscription = "Subscription";
    public const string UnscheduledCardOnFile = "UnscheduledCardOnFile";
}
