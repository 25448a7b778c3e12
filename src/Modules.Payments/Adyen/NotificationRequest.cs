using System.Text.Json.Serialization;

namespace Portal.Modules.Payments.Adyen;

// Adyen sends `live` and `success` as the strings "true"/"false".
internal sealed record NotificationRequest(string Live, IReadOnlyList<NotificationItemEnvelope> NotificationItems);

internal sealed record NotificationItemEnvelope(
    [property: JsonPropertyName("NotificationRequestItem")] NotificationItem NotificationRequestItem);

internal sealed record NotificationItem
{
    public string EventCode { get; init; } = "";
    public string Success { get; init; } = "";
    public string EventDate { get; init; } = "";
    public string MerchantAccountCode { get; init; } = "";
    public string MerchantReference { get; init; } = "";
    public string PspReference { get; init; } = "";
    public string? OriginalReference { get; init; }
    public Amount? Amount { get; init; }
    public string? PaymentMethod { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<string>? Operations { get; init; }
    public Dictionary<string, string>? AdditionalData { get; init; }

    [JsonIgnore]
    public bool IsSuccess => Success.Equals("true", StringComparison.OrdinalIgnoreCase);
}

internal static class EventCodes
{
    public const string Authorisation = "AUTHORISATION";
    public const string Refund = "REFUND";
    public const string RefundFailed = "REFUND_FAILED";
    public const string Chargeback = "CHARGEBACK";
    public const string Cancellation = "CANCELLATION";
    public const string SecondChargeback = "SECOND_CHARGEBACK";
    public const string ChargebackReversed = "CHARGEBACK_REVERSED";
    public const string NotificationOfChargeback = "NOTIFICATION_OF_CHARGEBACK";
    public const string RequestForInformation = "REQUEST_FOR_INFORMATION";
    public const string TechnicalCancel = "TECHNICAL_CANCEL";
}
