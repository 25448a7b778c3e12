using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Payments.Contracts.Autopay;

public sealed record GetAutopayQuery(Guid AccountId) : IQuery<AutopayDto>;

/// <summary>
/// Whether the account's posted invoices are charged automatically, with which saved method, when (ChargeOn: dueDate or
/// posting) and up to which amount per invoice (MaxAmount; null is no limit).
/// </summary>
public sealed record AutopayDto(bool Enabled, Guid? PaymentMethodId, string ChargeOn = "dueDate", Portal.BuildingBlocks.Money? MaxAmount = null);

/// <summary>
/// Turns autopay on with one of the account's saved methods, or off; ChargeOn null is dueDate, MaxAmount null is no limit.
/// 422 payment_method_not_found.
/// </summary>
public sealed record SetAutopayCommand(
    Guid AccountId, bool Enabled, Guid? PaymentMethodId, Guid? ChangedBy, string? ChargeOn = null, Portal.BuildingBlocks.Money? MaxAmount = null) : ICommand;

/// <summary>Leaves one open invoice of the account out of autopay (the customer pays it another way). 404 unknown invoice; 422 autopay_charge_in_progress.</summary>
public sealed record SkipAutopayInvoiceCommand(Guid AccountId, Guid InvoiceId, Guid? SkippedBy) : ICommand;

/// <summary>Autopay stopped without the customer choosing it (its method was removed); the account's billing people are told.</summary>
public sealed record AutopayStoppedEvent(Guid AccountId, string Reason) : Portal.BuildingBlocks.Mediation.IIntegrationEvent;

/// <summary>
/// The autopay sweep: charges each open invoice of an autopay account on its due date (or after posting) with the saved
/// method, once per attempt (a refusal is retried after Payments:Autopay:RetryAfterDays, then autopay stops for that invoice
/// and the account is told). It also sends the pre-charge notices, the over-limit notes and the card-expiry alerts.
/// </summary>
public sealed record RunAutopayCommand : IWorkflowCommand<Portal.BuildingBlocks.Scheduling.SweepResult>;

/// <summary>What autopay will charge next for the account: the invoices it covers, each with its charge day and amount.</summary>
public sealed record GetAutopayPlanQuery(Guid AccountId) : IQuery<AutopayPlanDto>;

/// <summary>Charges is empty when autopay is off; an invoice autopay does not cover (pending, given up, skipped, above the limit) is not listed.</summary>
public sealed record AutopayPlanDto(
    bool Enabled, string? MethodBrand, string? MethodLast4, IReadOnlyList<AutopayChargeDto> Charges,
    int? MethodExpiryMonth = null, int? MethodExpiryYear = null);

/// <summary>One invoice autopay will charge on ChargeOn (its due date, the next run after posting, or the day of the next retry).</summary>
public sealed record AutopayChargeDto(Guid InvoiceId, string InvoiceNumber, DateOnly DueDate, DateOnly ChargeOn, Portal.BuildingBlocks.Money Amount,
    DateOnly? NoticeOn = null);
