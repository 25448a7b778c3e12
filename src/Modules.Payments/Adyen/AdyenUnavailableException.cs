namespace Portal.Modules.Payments.Adyen;

// The outcome is unknown (timeout, broken connection, unreadable answer): the caller keeps the payment
// "unknown" and retries later with the same idempotency key.
internal sealed class AdyenUnavailableException(string operation, Exception inner)
    : Exception($"Adyen did not answer {operation} ({inner.GetType().Name}).", inner);
