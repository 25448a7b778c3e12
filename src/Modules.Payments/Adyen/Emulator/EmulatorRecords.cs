using System.Security.Cryptography;
using System.Text.Json;

namespace Portal.Modules.Payments.Adyen.Emulator;

// What the emulator keeps of a payment method: never a full card number or a CVC.
internal sealed record MethodSnapshot(string Type, string? Brand, string LastFour)
{
    public string? ExpiryMonth { get; init; }
    public string? ExpiryYear { get; init; }
    public string? HolderName { get; init; }
    public string? OwnerName { get; init; }
    public string? BankLocationId { get; init; }
}

internal sealed record Outcome(string ResultCode, string? RefusalReason = null, string? RefusalReasonCode = null)
{
    public static Outcome Authorised { get; } = new(ResultCodes.Authorised);
    public static Outcome Received { get; } = new(ResultCodes.Received);

    public static Outcome Refused(string reason, string code) => new(ResultCodes.Refused, reason, code);
}

internal sealed record StoredMethod(string Id, string ShopperReference, MethodSnapshot Method, string RecurringProcessingModel);

internal sealed record Tokenization(string StoredPaymentMethodId, string ShopperReference, string OperationType);

internal sealed record EmulatorCharge(
    string PspReference, string Reference, Amount Amount, string? IdempotencyKey, MethodSnapshot Method, PaymentResponse Response)
{
    public string ResultCode => Response.ResultCode;
    public string? ShopperReference { get; init; }
    public string? PaidWithStoredPaymentMethodId { get; init; }
    public Tokenization? Tokenization { get; init; }
    public string? AuthCode { get; init; }
    public bool RefundWillFail { get; init; }

    // Only for Received payments: null while pending, then the settlement outcome.
    public bool? Settled { get; init; }
    public long RefundedValue { get; init; }

    // Set by POST /cancels by reference: the money is not collected, and a pending payment never settles.
    public bool Cancelled { get; init; }

    public bool IsPending => ResultCode == ResultCodes.Received && Settled is null && !Cancelled;
    public bool IsCaptured => !Cancelled && (ResultCode == ResultCodes.Authorised || Settled == true);
    public long RefundableValue => IsCaptured ? Amount.Value - RefundedValue : 0;
}

internal sealed record EmulatorRefund(
    string PspReference, string PaymentPspReference, string? Reference, Amount Amount, string? IdempotencyKey, bool Success);

internal sealed record SentWebhook(NotificationItem Item, bool Delivered, int Attempts, int? LastStatusCode);

// One processed request: what to answer, and what to do once the answer is out.
internal sealed record EmulatorResult(int Status, string? Json)
{
    public IReadOnlyList<NotificationItem> Webhooks { get; init; } = [];
    public string? SettleLater { get; init; }

    public static EmulatorResult Json200(object body) => Of(200, body);

    public static EmulatorResult Of(int status, object body) => new(status, JsonSerializer.Serialize(body, AdyenJson.Options));
}

internal static class EmulatorIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string NewPspReference() => RandomNumberGenerator.GetString(Alphabet, 16);

    public static string NewAuthCode() => RandomNumberGenerator.GetInt32(100000, 1000000).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
