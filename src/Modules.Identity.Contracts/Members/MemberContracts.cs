using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Identity.Contracts.Members;

public sealed record GetAccountUsersQuery(Guid AccountId) : IQuery<IReadOnlyList<AccountUserDto>>;

public sealed record AccountUserDto(string UserId, string Name, string Email, AccountRole Role);

/// <summary>Changes a member's role; 422 last_admin when it would leave the account without an admin.</summary>
public sealed record ChangeMemberRoleCommand(Guid AccountId, string UserId, AccountRole Role) : ICommand;

/// <summary>Removes a member from the account; 422 last_admin for its only admin.</summary>
public sealed record RemoveMemberCommand(Guid AccountId, string UserId) : ICommand;

/// <summary>Creates a customer user with a password and adds them to the account, skipping the invitation (demo data and operators only).</summary>
public sealed record CreateMemberUserCommand(Guid AccountId, string UserId, string Name, string Email, AccountRole Role, string Password) : ICommand<Guid>;
