using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Identity.Contracts.Invitations;

/// <summary>Every invitation sent to the account, newest first (never the token).</summary>
public sealed record GetAccountInvitationsQuery(Guid AccountId) : IQuery<IReadOnlyList<AccountInvitationDto>>;

/// <summary>One invitation; UsedAt is set once someone registered with it.</summary>
public sealed record AccountInvitationDto(Guid InvitationId, string Email, AccountRole Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt);
