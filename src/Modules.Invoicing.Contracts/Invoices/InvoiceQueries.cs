using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Invoicing.Contracts.Invoices;

/// <summary>Which posted invoices a customer list shows: open (open + partially_paid), paid, or all (never void).</summary>
public enum InvoiceStatusFilter
{
    Open,
    Paid,
    All,
}

/// <summary>A customer's posted invoices by due date then number; From/Thru filter on invoice date.</summary>
public sealed record GetInvoicesQuery(
    Guid AccountId,
    DateOnly? From = null,
    DateOnly? Thru = null,
    InvoiceStatusFilter Status = InvoiceStatusFilter.Open,
    int? Limit = null,
    string? Cursor = null) : IQuery<Page<InvoiceDto>>;

/// <summary>One posted invoice of the account with its lines and payments, or null (also for another account's invoice).</summary>
public sealed record GetInvoiceQuery(Guid AccountId, Guid InvoiceId) : IQuery<InvoiceDetailDto?>;

/// <summary>The account's open and partially paid invoices, oldest due first (what a payment can cover).</summary>
public sealed record GetOpenInvoicesQuery(Guid AccountId) : IQuery<IReadOnlyList<InvoiceDto>>;

/// <summary>
/// Back office list of every invoice, scheduled and void included; Status is one status value or null for all;
/// Number keeps invoices whose number contains it (any case).
/// </summary>
public sealed record GetBackofficeInvoicesQuery(
    Guid? AccountId = null,
    string? Status = null,
    DateOnly? From = null,
    DateOnly? Thru = null,
    int? Limit = null,
    string? Cursor = null,
    string? Number = null) : IQuery<Page<BackofficeInvoiceDto>>;

/// <summary>Any invoice for finance (scheduled and void included) with its lines, holds (pending) and applied payments; null when unknown.</summary>
public sealed record GetBackofficeInvoiceQuery(Guid InvoiceId) : IQuery<BackofficeInvoiceDetailDto?>;

/// <summary>An invoice as finance sees it, with its lines and every payment held on it or applied to it.</summary>
public sealed record BackofficeInvoiceDetailDto(BackofficeInvoiceDto Invoice, IReadOnlyList<InvoiceLineDto> Lines, IReadOnlyList<InvoicePaymentDto> Payments);

/// <summary>The dashboard summary of an account's posted invoices; overdue is relative to today.</summary>
public sealed record GetAccountBalanceQuery(Guid AccountId) : IQuery<AccountBalanceDto>;

/// <summary>An invoice as the customer sees it. Status: open, partially_paid, paid or void.</summary>
public sealed record InvoiceDto(
    Guid InvoiceId,
    string InvoiceNumber,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    string Status,
    Money Total,
    Money Balance,
    Money PendingPayments,
    bool AllowPartialPayment);

/// <summary>An invoice with its lines and the payments applied or pending on it.</summary>
public sealed record InvoiceDetailDto(
    Guid InvoiceId,
    string InvoiceNumber,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    string Status,
    Money Total,
    Money Balance,
    Money PendingPayments,
    bool AllowPartialPayment,
    IReadOnlyList<InvoiceLineDto> Lines,
    IReadOnlyList<InvoicePaymentDto> Payments);

/// <summary>One billed line.</summary>
public sealed record InvoiceLineDto(string Description, decimal Quantity, Money UnitPrice, Money Amount);

/// <summary>A payment's share of an invoice. Status: pending (held) or applied; Date is when it was held or applied.</summary>
public sealed record InvoicePaymentDto(Guid PaymentId, Money Amount, string Status, DateOnly Date);

/// <summary>An invoice as finance sees it. Status: scheduled, open, partially_paid, paid or void.</summary>
public sealed record BackofficeInvoiceDto(
    Guid InvoiceId,
    Guid AccountId,
    string InvoiceNumber,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    string Status,
    DateTimeOffset? PostAt,
    DateTimeOffset? PostedAt,
    Money Total,
    Money Balance,
    Money PendingPayments,
    bool AllowPartialPayment);

/// <summary>What the account owes: open, overdue, pending payments, and the next due date (null when nothing is due).</summary>
public sealed record AccountBalanceDto(Money OpenBalance, Money OverdueBalance, Money PendingPayments, DateOnly? NextDueDate);

/// <summary>
/// The open and partially paid invoices of many accounts at once (null DueOnOrBefore: all of them), by account then due date:
/// one round trip per batch for sweeps such as autopay. At most 1,000 account ids per query.
/// </summary>
public sealed record GetDueInvoicesQuery(IReadOnlyList<Guid> AccountIds, DateOnly? DueOnOrBefore) : IQuery<IReadOnlyList<AccountInvoiceDto>>;

/// <summary>An open invoice with the account it belongs to.</summary>
public sealed record AccountInvoiceDto(Guid AccountId, InvoiceDto Invoice);
