using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Invoicing.Contracts.Holds;

/// <summary>
/// Reserves invoice balances for a payment, all or nothing; no allocations means oldest due first.
/// Sent by Payments as a step of its own transaction. Running it again for the same payment returns the same holds.
/// 422: amount_exceeds_open_balance, partial_payment_not_allowed, invoice_not_open, currency_not_supported.
/// </summary>
public sealed record PlaceHoldsCommand(Guid PaymentId, Guid AccountId, Money Amount, IReadOnlyList<AllocationDto>? Allocations = null)
    : ICommand<IReadOnlyList<AllocationDto>>;

/// <summary>The payment succeeded: its holds become payments and lower the balances. Idempotent.</summary>
public sealed record ApplyHoldsCommand(Guid PaymentId) : ICommand;

/// <summary>The payment failed: its holds are dropped. Idempotent.</summary>
public sealed record ReleaseHoldsCommand(Guid PaymentId) : ICommand;

/// <summary>
/// A refund or chargeback gives back part of an applied payment: balances go up again, newest allocation first.
/// Reason identifies the event (for example "refund:{refundId}"); the same payment and reason again changes nothing.
/// 422 reopen_exceeds_applied when more is given back than the payment applied, unless UpToApplied: then only what is
/// still applied is reopened and the answer tells how much (a chargeback after refunds; the caller records the rest).
/// </summary>
public sealed record ReopenInvoiceBalanceCommand(Guid PaymentId, Money Amount, string Reason, bool UpToApplied = false)
    : ICommand<IReadOnlyList<AllocationDto>>;

/// <summary>
/// Takes back one reopening (same payment and reason) when the money never left, for example a refund the scheme rejected:
/// the amounts it reopened are paid again, as far as each invoice is still open and not held by another payment.
/// Returns what was applied back; the same payment and reason again changes nothing and returns nothing.
/// </summary>
public sealed record ReverseInvoiceReopeningCommand(Guid PaymentId, string Reason) : ICommand<IReadOnlyList<AllocationDto>>;

/// <summary>An amount of a payment on one invoice.</summary>
public sealed record AllocationDto(Guid InvoiceId, Money Amount);
