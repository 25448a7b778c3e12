using System.Globalization;

namespace Portal.Modules.Payments.Adyen.Emulator;

// Builds unsigned NotificationRequestItems shaped as in facts §8; the dispatcher signs them.
internal static class WebhookFactory
{
    public static NotificationItem Authorisation(EmulatorCharge charge, bool success, string merchantAccount, DateTimeOffset now, string? failureReason = null)
    {
        var additionalData = new Dictionary<string, string>();
        if (success && charge.Tokenization is { } tokenization)
            AddTokenization(additionalData, tokenization);
        return Item(EventCodes.Authorisation, success, merchantAccount, now, charge.PspReference, charge.Reference, charge.Amount) with
        {
            PaymentMethod = PaymentMethodName(charge),
            Reason = success ? SuccessReason(charge) : failureReason ?? charge.Response.RefusalReason,
            Operations = success ? ["CANCEL", "CAPTURE", "REFUND"] : null,
            AdditionalData = additionalData,
        };
    }

    public static NotificationItem Refund(EmulatorCharge charge, EmulatorRefund refund, string eventCode, bool success,
        string? reason, string merchantAccount, DateTimeOffset now) =>
        Item(eventCode, success, merchantAccount, now, refund.PspReference, refund.Reference ?? charge.Reference, refund.Amount) with
        {
            OriginalReference = charge.PspReference,
            PaymentMethod = PaymentMethodName(charge),
            Reason = reason,
            AdditionalData = [],
        };

    // ACH returns arrive as CHARGEBACK too (facts §9) and cannot be defended.
    public static NotificationItem Chargeback(EmulatorCharge charge, string reasonCode, string reason, string merchantAccount, DateTimeOffset now)
    {
        var isAch = charge.Method.Type == PaymentMethodTypes.Ach;
        return Item(EventCodes.Chargeback, true, merchantAccount, now, EmulatorIds.NewPspReference(), charge.Reference, charge.Amount) with
        {
            OriginalReference = charge.PspReference,
            PaymentMethod = PaymentMethodName(charge),
            Reason = reason,
            AdditionalData = new Dictionary<string, string>
            {
                ["chargebackReasonCode"] = reasonCode,
                ["chargebackSchemeCode"] = isAch ? "ach" : charge.Method.Brand ?? "",
                ["defendable"] = isAch ? "false" : "true",
            },
        };
    }

    // The outcome of POST /cancels by reference: originalReference names the payment when one was made under the reference.
    public static NotificationItem TechnicalCancel(EmulatorCharge? charge, string pspReference, string merchantReference, bool success,
        string merchantAccount, DateTimeOffset now) =>
        Item(EventCodes.TechnicalCancel, success, merchantAccount, now, pspReference, merchantReference, charge?.Amount ?? new Amount("USD", 0)) with
        {
            OriginalReference = charge?.PspReference,
            PaymentMethod = charge is null ? null : PaymentMethodName(charge),
            Reason = success ? null : "The payment has refunds and cannot be cancelled",
            AdditionalData = [],
        };

    public static void AddTokenization(Dictionary<string, string> additionalData, Tokenization tokenization)
    {
        additionalData[AdditionalDataKeys.StoredPaymentMethodId] = tokenization.StoredPaymentMethodId;
        additionalData[AdditionalDataKeys.ShopperReference] = tokenization.ShopperReference;
        additionalData[AdditionalDataKeys.StoreOperationType] = tokenization.OperationType;
    }

    private static NotificationItem Item(string eventCode, bool success, string merchantAccount, DateTimeOffset now,
        string pspReference, string merchantReference, Amount amount) => new()
    {
        EventCode = eventCode,
        Success = success ? "true" : "false",
        EventDate = now.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        MerchantAccountCode = merchantAccount,
        MerchantReference = merchantReference,
        PspReference = pspReference,
        Amount = amount,
    };

    private static string PaymentMethodName(EmulatorCharge charge) => charge.Method.Brand ?? charge.Method.Type;

    // Facts §8: a successful card AUTHORISATION carries authCode:last4:expiry.
    private static string SuccessReason(EmulatorCharge charge) =>
        charge.Method.Type == PaymentMethodTypes.Scheme
            ? $"{charge.AuthCode}:{charge.Method.LastFour}:{charge.Method.ExpiryMonth}/{charge.Method.ExpiryYear}"
            : "";
}
