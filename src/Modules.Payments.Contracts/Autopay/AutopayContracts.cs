using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Payments.Contracts.Autopay;

public sealed record GetAutopayQuery(Guid AccountId) : IQuery<AutopayDto>;

/// <summary>Whether the account's posted invoices are charged automatically, and with which saved method.</summary>
public sealed record AutopayDto(bool Enabled, Guid? PaymentMethodId);

/// <summary>Turns autopay on with one of the account's saved methods, or off. 422 payment_method_not_found.</summary>
public sealed record SetAutopayCommand(Guid AccountId, bool Enabled, Guid? PaymentMethodId, Guid? ChangedBy) : ICommand;

/// <summary>Autopay stopped without the customer choosing it (its method was removed); the account's billing people are told.</summary>
public sealed record AutopayStoppedEvent(Guid AccountId, string Reason) : Portal.BuildingBlocks.Mediation.IIntegrationEvent;

/// <summary>
/// The autopay sweep: charges each open invoice of an autopay account on its due date with the saved method, once per
/// attempt (a refusal is retried after 1, 3 and 5 days, then autopay stops for that invoice and the account is told).
/// </summary>
public sealed record RunAutopayCommand : IWorkflowCommand<Portal.BuildingBlocks.Scheduling.SweepResult>;

/// <summary>What autopay will charge next for the account: the invoices it covers, each with its charge day and amount.</summary>
public sealed record GetAutopayPlanQuery(Guid AccountId) : IQuery<AutopayPlanDto>;

/// <summary>Charges is empty when autopay is off; an invoice autopay does not cover (pending, given up) is not listed.</summary>
public sealed record AutopayPlanDto(bool Enabled, string? MethodBrand, string? MethodLast4, IReadOnlyList<AutopayChargeDto> Charges);

/// <summary>One invoice autopay will charge on ChargeOn (its due date, or the day of the next retry).</summary>
public sealed record AutopayChargeDto(Guid InvoiceId, string InvoiceNumber, DateOnly DueDate, DateOnly ChargeOn, Portal.BuildingBlocks.Money Amount);
