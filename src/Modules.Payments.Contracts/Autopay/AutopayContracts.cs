using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Payments.Contracts.Autopay;

public sealed record GetAutopayQuery(Guid AccountId) : IQuery<AutopayDto>;

/// <summary>Whether the account's posted invoices are charged automatically, and with which saved method.</summary>
public sealed record AutopayDto(bool Enabled, Guid? PaymentMethodId);

/// <summary>Turns autopay on with one of the account's saved methods, or off. 422 payment_method_not_found.</summary>
public sealed record SetAutopayCommand(Guid AccountId, bool Enabled, Guid? PaymentMethodId, Guid? ChangedBy) : ICommand;

/// <summary>Autopay stopped without the customer choosing it (its method was removed); the account's billing people are told.</summary>
public sealed record AutopayStoppedEvent(Guid AccountId, string Reason) : Portal.BuildingBlocks.Mediation.IIntegrationEvent;
