using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Invoicing.Contracts.Invoices;

/// <summary>An invoice became visible to the customer and payable.</summary>
public sealed record InvoicePostedEvent(Guid InvoiceId, Guid AccountId, string InvoiceNumber, DateOnly InvoiceDate, DateOnly DueDate, Money Total)
    : IIntegrationEvent;

/// <summary>An invoice was voided and can no longer be paid.</summary>
public sealed record InvoiceVoidedEvent(Guid InvoiceId, Guid AccountId) : IIntegrationEvent;

/// <summary>A payment was applied to, or reopened on, an invoice; Balance is what is left to pay.</summary>
public sealed record InvoiceBalanceChangedEvent(Guid InvoiceId, Guid AccountId, Guid PaymentId, Money Balance, string Status) : IIntegrationEvent;

/// <summary>An invoice's balance reached zero.</summary>
public sealed record InvoicePaidEvent(Guid InvoiceId, Guid AccountId, Guid PaymentId) : IIntegrationEvent;
