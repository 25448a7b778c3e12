using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Identity.Contracts.Sessions;

/// <summary>Checks a user ID and password; on success opens a server-side session. Never throws for bad credentials.</summary>
public sealed record LoginCommand(string UserId, string Password) : IWorkflowCommand<LoginResultDto>;

/// <summary>The outcome of a login: a session, bad credentials, or locked out until a time.</summary>
public sealed record LoginResultDto(LoginOutcome Outcome, SessionDto? Session, DateTimeOffset? RetryAt);

public enum LoginOutcome
{
    Succeeded = 1,
    InvalidCredentials = 2,
    LockedOut = 3,
}

/// <summary>Ends one session on every host.</summary>
public sealed record LogoutCommand(string SessionKey) : ICommand;

/// <summary>The live session behind a cookie, or null when it ended, expired or idled out; refreshes its idle timer.</summary>
public sealed record ValidateSessionCommand(string SessionKey) : IWorkflowCommand<SessionDto?>;

/// <summary>Who is signed in through one session; a validated session also carries the user's account roles as of now.</summary>
public sealed record SessionDto(string SessionKey, Guid UserKey, string UserId, string Name, StaffRole? StaffRole, DateTimeOffset ExpiresAt,
    IReadOnlyList<SessionMembershipDto>? Memberships = null);

/// <summary>The user's role in one customer account.</summary>
public sealed record SessionMembershipDto(Guid AccountId, AccountRole Role);
