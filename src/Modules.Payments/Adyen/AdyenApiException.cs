namespace Portal.Modules.Payments.Adyen;

// Adyen answered with an error; the message is Adyen's own text and never carries request data.
internal sealed class AdyenApiException(int statusCode, ServiceError? error, bool isTransient)
    : Exception($"Adyen answered {statusCode} {error?.ErrorCode}: {error?.Message}")
{
    public int StatusCode { get; } = statusCode;
    public string? ErrorCode { get; } = error?.ErrorCode;
    public string? ErrorType { get; } = error?.ErrorType;
    public string? PspReference { get; } = error?.PspReference;
    public string? AdyenMessage { get; } = error?.Message;

    // Set from the `transient-error: true` header: only then may the same idempotency key be retried.
    public bool IsTransient { get; } = isTransient;
}
