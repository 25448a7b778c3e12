namespace Portal.Modules.Payments.Adyen;

// The outcome is unknown (timeout, broken connection, unreadable answer): the caller keeps the payment
// "unknown" and retries later with the same idempotency key.
internal class AdyenUnavailableException(string operation, Exception inner)
    : Exception($"Adyen did not answer {operation} ({inner.GetType().Name}).", inner);

// The request never left us (DNS failure, connection refused, TLS handshake failed): the processor cannot have acted on it.
// It stays an AdyenUnavailableException for callers that cannot tell a first request from a repeat of one that may have arrived.
internal sealed class AdyenUnreachableException(string operation, Exception inner) : AdyenUnavailableException(operation, inner);
