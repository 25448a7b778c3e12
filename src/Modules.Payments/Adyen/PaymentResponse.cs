using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Modules.Payments.Adyen;

internal sealed record PaymentResponse
{
    public string ResultCode { get; init; } = "";
    public string? PspReference { get; init; }
    public string? RefusalReason { get; init; }
    public string? RefusalReasonCode { get; init; }
    public string? MerchantReference { get; init; }
    public Amount? Amount { get; init; }
    public ResponsePaymentMethod? PaymentMethod { get; init; }
    public Dictionary<string, string>? AdditionalData { get; init; }
    public JsonElement? Action { get; init; }

    [JsonIgnore]
    public string? StoredPaymentMethodId => AdditionalData?.GetValueOrDefault(AdditionalDataKeys.StoredPaymentMethodId);
}

internal sealed record ResponsePaymentMethod(string? Type, string? Brand);

internal sealed record PaymentDetailsRequest(Dictionary<string, string> Details)
{
    public string? PaymentData { get; init; }
}

internal static class ResultCodes
{
    public const string Authorised = "Authorised";
    public const string Refused = "Refused";
    public const string Error = "Error";
    public const string Cancelled = "Cancelled";
    public const string Received = "Received";
    public const string Pending = "Pending";
}

internal static class AdditionalDataKeys
{
    public const string AuthCode = "authCode";
    public const string CardSummary = "cardSummary";
    public const string HmacSignature = "hmacSignature";
    public const string StoredPaymentMethodId = "tokenization.storedPaymentMethodId";
    public const string ShopperReference = "tokenization.shopperReference";
    public const string StoreOperationType = "tokenization.store.operationType";
}
