using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Identity.Contracts.Invitations;

/// <summary>Invites an email address to an account with a role; the single-use link goes by email.</summary>
public sealed record InviteUserCommand(Guid AccountId, string Email, AccountRole Role, Guid? InvitedBy) : IWorkflowCommand<InvitationDto>;

public sealed record InvitationDto(Guid InvitationId, DateTimeOffset ExpiresAt);

/// <summary>What an invitation link offers, or null when it is unknown, used or expired.</summary>
public sealed record GetInvitationQuery(string Token) : IQuery<InvitationDetailsDto?>;

public sealed record InvitationDetailsDto(string Email, string AccountName, AccountRole Role);

/// <summary>Creates a user from an invitation; 409 when the user ID is taken.</summary>
public sealed record RegisterCommand(string InvitationToken, string UserId, string Name, string Password) : ICommand<Guid>;

/// <summary>Adds a signed-in user to the account of an invitation meant for them.</summary>
public sealed record AcceptInvitationCommand(string InvitationToken, Guid UserKey) : ICommand<Guid>;
