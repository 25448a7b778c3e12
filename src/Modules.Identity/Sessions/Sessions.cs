using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.Modules.Identity.Contracts.Sessions;

namespace Portal.Modules.Identity.Sessions;

internal sealed class LogoutCommandHandler(IDatabase db, TimeProvider clock) : AsyncRequestHandler<LogoutCommand>
{
    protected override Task Handle(LogoutCommand command, CancellationToken ct) =>
        db.ExecuteAsync("update identity_sessions set ended_at = @Now where key_hash = @KeyHash and ended_at is null",
            new { Now = clock.GetUtcNow(), KeyHash = Tokens.Hash(command.SessionKey) }, ct);
}

/// <summary>
/// Reads the session and the user's memberships in one round trip without a transaction (every authenticated
/// request pays for it); writes the idle timer at most once a minute.
/// </summary>
internal sealed class ValidateSessionCommandHandler(IDatabase db, IMediator mediator, IdentityOptions options, TimeProvider clock)
    : IRequestHandler<ValidateSessionCommand, SessionDto?>
{
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    public async Task<SessionDto?> Handle(ValidateSessionCommand command, CancellationToken ct)
    {
        const string sql = """
            select s.key_hash, s.last_seen_at, s.expires_at, s.ended_at, u.id as user_key, u.user_id, u.name, u.staff_role,
                m.account_id, m.role
            from identity_sessions s join identity_users u on u.id = s.user_key
            left join identity_memberships m on m.user_key = u.id
            where s.key_hash = @KeyHash
            """;
        var keyHash = Tokens.Hash(command.SessionKey);
        var rows = await db.QueryAsync<SessionRow>(sql, new { KeyHash = keyHash }, ct);
        var row = rows.FirstOrDefault();
        var now = clock.GetUtcNow();
        if (row is null || row.EndedAt is not null || row.ExpiresAt <= now || row.LastSeenAt + options.SessionIdle <= now)
            return null;
        if (now - row.LastSeenAt >= TouchEvery)
            await mediator.Send(new TouchSessionCommand(keyHash), ct);
        var memberships = rows.Where(r => r.AccountId is not null).Select(r => new SessionMembershipDto(r.AccountId!.Value, Roles.Account(r.Role!))).ToList();
        return new SessionDto(command.SessionKey, row.UserKey, row.UserId, row.Name, Roles.Staff(row.StaffRole), row.ExpiresAt, memberships);
    }

    private sealed record SessionRow
    {
        public string KeyHash { get; init; } = "";
        public DateTimeOffset LastSeenAt { get; init; }
        public DateTimeOffset ExpiresAt { get; init; }
        public DateTimeOffset? EndedAt { get; init; }
        public Guid UserKey { get; init; }
        public string UserId { get; init; } = "";
        public string Name { get; init; } = "";
        public string? StaffRole { get; init; }
        public Guid? AccountId { get; init; }
        public string? Role { get; init; }
    }
}

internal sealed record TouchSessionCommand(string KeyHash) : ICommand;

internal sealed class TouchSessionCommandHandler(IDatabase db, TimeProvider clock) : AsyncRequestHandler<TouchSessionCommand>
{
    protected override Task Handle(TouchSessionCommand command, CancellationToken ct) =>
        db.ExecuteAsync("update identity_sessions set last_seen_at = @Now where key_hash = @KeyHash and ended_at is null",
            new { Now = clock.GetUtcNow(), command.KeyHash }, ct);
}

/// <summary>Ends every session of a user except, optionally, the one making the change.</summary>
internal static class SessionRevocation
{
    public static Task<int> EndAllAsync(IDatabase db, Guid userKey, string? keepSessionKey, DateTimeOffset now, CancellationToken ct) =>
        db.ExecuteAsync("""
            update identity_sessions set ended_at = @Now
            where user_key = @UserKey and ended_at is null and (@Keep is null or key_hash <> @Keep)
            """, new { Now = now, UserKey = userKey, Keep = keepSessionKey is null ? null : Tokens.Hash(keepSessionKey) }, ct);
}
