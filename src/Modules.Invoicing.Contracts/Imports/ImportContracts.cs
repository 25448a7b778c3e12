using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Invoicing.Contracts.Imports;

/// <summary>Stores a CSV file of invoice lines as a queued import; returns the import id. Send ProcessInvoiceImportCommand to run it.</summary>
public sealed record StartInvoiceImportCommand(string Csv) : ICommand<Guid>;

/// <summary>Validates the whole queued file, then imports all of it in one transaction or nothing. A second run does nothing.</summary>
public sealed record ProcessInvoiceImportCommand(Guid ImportId) : IWorkflowCommand<InvoiceImportDto?>;

/// <summary>An import's progress, or null when unknown.</summary>
public sealed record GetInvoiceImportQuery(Guid ImportId) : IQuery<InvoiceImportDto?>;

/// <summary>Status: queued, running, succeeded or failed; Errors name each bad row by line number.</summary>
public sealed record InvoiceImportDto(Guid ImportId, string Status, int RowsTotal, int RowsDone, IReadOnlyList<string> Errors);

/// <summary>The invoice-import sweep: processes every queued import, each on its own, so an import never waits on a web request.</summary>
public sealed record ProcessQueuedInvoiceImportsCommand : IWorkflowCommand<Portal.BuildingBlocks.Scheduling.SweepResult>;
