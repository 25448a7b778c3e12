using System.Text.Json.Serialization;

namespace Portal.Modules.Payments.Adyen;

internal sealed record ListStoredPaymentMethodsResponse
{
    public string? MerchantAccount { get; init; }
    public string? ShopperReference { get; init; }
    public List<StoredPaymentMethodResource> StoredPaymentMethods { get; init; } = [];
}

internal sealed record StoredPaymentMethodResource
{
    public string Id { get; init; } = "";
    public string? Type { get; init; }
    public string? Brand { get; init; }
    public string? LastFour { get; init; }
    public string? ExpiryMonth { get; init; }
    public string? ExpiryYear { get; init; }
    public string? HolderName { get; init; }
    public string? OwnerName { get; init; }
    public string? ShopperReference { get; init; }
    public List<string>? SupportedRecurringProcessingModels { get; init; }

    // Adyen's own examples send expiryYear both as "30" and as "2030".
    [JsonIgnore]
    public int? ExpiryYearFourDigits => int.TryParse(ExpiryYear, out var year) ? year < 100 ? 2000 + year : year : null;
}
