using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Payments.Contracts.Refunds;

/// <summary>One payment for finance, whichever account it belongs to, with what the processor reported about it; null when unknown.</summary>
public sealed record GetBackofficePaymentQuery(Guid PaymentId) : IQuery<BackofficePaymentDetailDto?>;

/// <summary>The payment as listed, why it was refused (if it was), and every processor notification about it, oldest first.</summary>
public sealed record BackofficePaymentDetailDto(BackofficePaymentDto Payment, string? RefusalReason, IReadOnlyList<PaymentWebhookDto> Webhooks);

/// <summary>One stored processor notification: EventCode as Adyen sends it (AUTHORISATION, REFUND, CHARGEBACK, ...).</summary>
public sealed record PaymentWebhookDto(string EventCode, bool Success, string PspReference, Money Amount, DateTimeOffset ReceivedAt, DateTimeOffset? ProcessedAt);
