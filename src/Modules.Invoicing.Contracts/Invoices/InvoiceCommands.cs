using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Mediation;
using Portal.BuildingBlocks.Scheduling;

namespace Portal.Modules.Invoicing.Contracts.Invoices;

/// <summary>Creates an invoice: scheduled until PostAt comes, else posted (open) at once. 409 when the number is taken.</summary>
public sealed record CreateInvoiceCommand(
    Guid AccountId,
    string InvoiceNumber,
    DateOnly InvoiceDate,
    DateOnly DueDate,
    DateTimeOffset? PostAt,
    IReadOnlyList<InvoiceLineInputDto> Lines,
    bool AllowPartialPayment = true) : ICommand<CreatedInvoiceDto>;

/// <summary>One line to bill: Quantity x UnitPrice, rounded half away from zero to the cent.</summary>
public sealed record InvoiceLineInputDto(string Description, decimal Quantity, Money UnitPrice);

/// <summary>The new invoice's id and status (scheduled or open).</summary>
public sealed record CreatedInvoiceDto(Guid InvoiceId, string Status);

/// <summary>The invoice-posting sweep: posts every scheduled invoice whose posting time has come, exactly once.</summary>
public sealed record PostDueInvoicesCommand : IWorkflowCommand<SweepResult>;

/// <summary>
/// Voids an invoice; 422 invoice_has_payments when payments were applied or are pending; voiding a void invoice does nothing.
/// Reason (optional, at most 500 characters) is what finance gave; the back-office audit trail keeps it.
/// </summary>
public sealed record VoidInvoiceCommand(Guid InvoiceId, string? Reason = null) : ICommand;
