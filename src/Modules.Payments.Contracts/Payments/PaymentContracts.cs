using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Payments.Contracts.Payments;

/// <summary>
/// Pays open invoices of an account once per idempotency key: holds the balances, charges the processor, then applies
/// or releases. The same key and body again returns the first answer without a new charge; another body is 409.
/// </summary>
public sealed record PayCommand(
    Guid AccountId,
    Guid? PaidBy,
    string IdempotencyKey,
    Money Amount,
    IReadOnlyList<PaymentAllocationDto>? Allocations,
    PaymentMethodInputDto Method,
    bool SavePaymentMethod,
    bool MerchantInitiated = false) : IWorkflowCommand<PaymentDto>;

/// <summary>How to pay: a new card (Adyen's encrypted fields), a bank account (ACH), or a saved method.</summary>
public sealed record PaymentMethodInputDto
{
    public string? Type { get; init; }
    public string? EncryptedCardNumber { get; init; }
    public string? EncryptedExpiryMonth { get; init; }
    public string? EncryptedExpiryYear { get; init; }
    public string? EncryptedSecurityCode { get; init; }
    public string? HolderName { get; init; }
    public string? BankAccountNumber { get; init; }
    public string? BankLocationId { get; init; }
    public string? OwnerName { get; init; }
    public Guid? StoredPaymentMethodId { get; init; }
}

public sealed record PaymentAllocationDto(Guid InvoiceId, Money Amount);

/// <summary>
/// A payment. Status: authorised, pending (ACH until the bank confirms), refused, error, unknown (the processor's answer was
/// lost), cancelled, or partially_refunded / refunded once refunds succeeded; Refunds lists every refund of it.
/// </summary>
public sealed record PaymentDto(
    Guid PaymentId,
    DateTimeOffset CreatedAt,
    string Status,
    string? RefusalReason,
    Money Amount,
    IReadOnlyList<PaymentAllocationDto> Allocations,
    PaymentMethodSummaryDto Method,
    IReadOnlyList<Refunds.RefundDto>? Refunds = null);

public sealed record PaymentMethodSummaryDto(string Type, string? Brand, string? Last4);

/// <summary>The account's payments, newest first.</summary>
public sealed record GetPaymentsQuery(Guid AccountId, int? Limit = null, string? Cursor = null) : IQuery<Page<PaymentDto>>;

/// <summary>One payment of the account, or null (also for another account's payment).</summary>
public sealed record GetPaymentQuery(Guid AccountId, Guid PaymentId) : IQuery<PaymentDto?>;

/// <summary>A payment was authorised (cards) or confirmed by the bank (ACH); its holds were applied. MethodType: card or ach (null in older events).</summary>
public sealed record PaymentSucceededEvent(Guid PaymentId, Guid AccountId, Guid? PaidBy, Money Amount, string? MethodType = null) : IIntegrationEvent;

/// <summary>
/// A payment was refused or failed; its holds were released. MethodType: card or ach (null in older events). Returned: the
/// bank took back an ACH debit it had accepted (a return), as opposed to a refusal at authorisation.
/// </summary>
public sealed record PaymentFailedEvent(Guid PaymentId, Guid AccountId, Guid? PaidBy, Money Amount, string? Reason, string? MethodType = null,
    bool Returned = false) : IIntegrationEvent;

/// <summary>
/// The sweep for payments whose answer was lost: asks again (same key) where the request can be rebuilt, marks
/// interrupted ones unknown, and alerts finance about those still unsettled after a week.
/// </summary>
public sealed record ResolveStalePaymentsCommand : IWorkflowCommand<Portal.BuildingBlocks.Scheduling.SweepResult>;
