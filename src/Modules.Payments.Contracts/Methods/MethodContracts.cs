using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Payments.Contracts.Methods;

public sealed record GetPaymentMethodsQuery(Guid AccountId) : IQuery<IReadOnlyList<PaymentMethodDto>>;

/// <summary>A saved method: only brand, last four digits, expiry and the processor's token are kept. Type: card or ach.</summary>
public sealed record PaymentMethodDto(Guid PaymentMethodId, string Type, string? Brand, string? Last4, int? ExpiryMonth, int? ExpiryYear, bool IsDefault);

/// <summary>Removes a saved method here and at the processor.</summary>
public sealed record DeletePaymentMethodCommand(Guid AccountId, Guid PaymentMethodId) : IWorkflowCommand<MediatR.Unit>;

/// <summary>Makes one saved method the account's default (the one the pay page picks first).</summary>
public sealed record SetDefaultPaymentMethodCommand(Guid AccountId, Guid PaymentMethodId) : ICommand;
