using Portal.BuildingBlocks.Mediation;
using Portal.BuildingBlocks.Scheduling;

namespace Portal.Modules.Invoicing.Contracts.Reminders;

/// <summary>
/// The reminders sweep: emails each open invoice's billing people once per stage (before due, due, every few days overdue),
/// skipping invoices with a pending payment or that autopay will charge.
/// </summary>
public sealed record SendInvoiceRemindersCommand : IWorkflowCommand<SweepResult>;
