using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Identity.Contracts.Accounts;

/// <summary>Creates a customer account; 409 when the account number is taken. Returns the account id.</summary>
public sealed record CreateAccountCommand(string AccountNumber, string Name, string BillingEmail) : ICommand<Guid>;

/// <summary>One customer account, or null when it does not exist.</summary>
public sealed record GetAccountQuery(Guid AccountId) : IQuery<AccountDto?>;

/// <summary>The accounts with these account numbers; unknown numbers are left out.</summary>
public sealed record GetAccountsByNumberQuery(IReadOnlyList<string> AccountNumbers) : IQuery<IReadOnlyList<AccountDto>>;

/// <summary>Accounts whose number or name contains the search text, by account number.</summary>
public sealed record SearchAccountsQuery(string? Search, int? Limit = null, string? Cursor = null) : IQuery<Page<AccountDto>>;

/// <summary>Finance edits an account's name, billing email and time zone (an IANA id); 404 unknown account.</summary>
public sealed record UpdateAccountCommand(Guid AccountId, string Name, string BillingEmail, string TimeZone) : ICommand;

/// <summary>A customer account of the service business; TimeZone is an IANA id (the account's own or Portal:DefaultTimeZone).</summary>
public sealed record AccountDto(Guid AccountId, string AccountNumber, string Name, string BillingEmail, string TimeZone = "");
