namespace Portal.Modules.Payments.Adyen.Emulator;

// Codes 000, 702, 704, 901, 101 and 14_030 are Adyen's (facts §2, §6). Adyen documents no code for the other
// cases; 137, 167 and 800 are the emulator's choice, so callers should branch on the HTTP status only.
internal static class ServiceErrors
{
    public static EmulatorResult Unauthorized() => Error(401, "000", "HTTP Status Response - Unauthorized", "security");

    public static EmulatorResult InvalidMerchantAccount() => Error(403, "901", "Invalid Merchant Account", "security");

    public static EmulatorResult Unreadable(string detail) => Error(400, "702", $"Unexpected input: {detail}", "validation");

    public static EmulatorResult Validation(string message, string errorCode = "702") => Error(422, errorCode, message, "validation");

    public static EmulatorResult ReturnUrlMissing() => Validation("Return URL is missing.", "14_030");

    public static EmulatorResult InvalidCardNumber() => Validation("Invalid card number", "101");

    public static EmulatorResult StoredMethodNotFound() => Validation("Contract not found", "800");

    public static EmulatorResult UnknownPayment() => Validation("Original pspReference is invalid for this environment", "167");

    public static EmulatorResult RefundExceedsCaptured() => Validation("Invalid amount specified: refunds exceed the captured amount", "137");

    public static EmulatorResult IdempotencyInFlight() => Error(422, "704", "request already processed or in progress", "validation");

    public static EmulatorResult IdempotencyKeyReused() =>
        Error(422, "704", "request already processed with this idempotency key and a different body", "validation");

    public static EmulatorResult Internal() => Error(500, "000", "Internal error", "internal");

    private static EmulatorResult Error(int status, string errorCode, string message, string errorType) =>
        EmulatorResult.Of(status, new ServiceError(status, errorCode, message, errorType) { PspReference = EmulatorIds.NewPspReference() });
}
