using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Payments.Contracts.Refunds;

/// <summary>
/// Gives back part or all of an authorised payment; 422 refund_exceeds_payment when more than is left would be refunded.
/// With an IdempotencyKey the same key and amount on the same payment return the first refund; another amount is 409.
/// </summary>
public sealed record RefundPaymentCommand(Guid PaymentId, Money Amount, string? IdempotencyKey = null) : IWorkflowCommand<RefundDto>;

/// <summary>A refund. Status: requested, received (the processor has it), succeeded or failed; RefundedAt once it succeeded.</summary>
public sealed record RefundDto(Guid RefundId, Guid PaymentId, string Status, Money Amount, DateTimeOffset CreatedAt, DateTimeOffset? RefundedAt = null);

/// <summary>Every payment, for finance: by creation date, optionally one status.</summary>
public sealed record GetBackofficePaymentsQuery(DateOnly? From = null, DateOnly? Thru = null, string? Status = null, int? Limit = null, string? Cursor = null)
    : IQuery<Page<BackofficePaymentDto>>;

public sealed record BackofficePaymentDto(Guid PaymentId, Guid AccountId, DateTimeOffset CreatedAt, string Status, Money Amount, Money Refunded,
    string MethodType, string? Brand, string? Last4, string? PspReference);

/// <summary>
/// The processor took money back from a payment (a chargeback, or an ACH return after settlement). Loss: the part that
/// could not be reopened on invoices because refunds had already given it back (null in older events).
/// </summary>
public sealed record PaymentChargedBackEvent(Guid PaymentId, Guid AccountId, Money Amount, string? Reason, Money? Loss = null) : IIntegrationEvent;

/// <summary>What the processor reported (webhooks) beside what the ledger holds, for payments and refunds in a date range.</summary>
public sealed record GetReconciliationReportQuery(DateOnly From, DateOnly Thru) : IQuery<ReconciliationReportDto>;

public sealed record ReconciliationReportDto(DateOnly From, DateOnly Thru, Money ProcessorNet, Money LedgerNet, int Matched,
    IReadOnlyList<ReconciliationDifferenceDto> Differences);

/// <summary>One mismatch. Kind: missing_in_ledger, missing_at_processor, amount_differs, status_differs, chargeback.</summary>
public sealed record ReconciliationDifferenceDto(string Kind, string? PspReference, Guid? PaymentId, Money? Ledger, Money? Processor, string Detail);

/// <summary>The processor confirmed a refund (the REFUND webhook succeeded); the money is on its way back to the customer.</summary>
public sealed record PaymentRefundedEvent(Guid RefundId, Guid PaymentId, Guid AccountId, Money Amount) : IIntegrationEvent;
