using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Sessions;
using Portal.Modules.Identity.Passwords;

namespace Portal.Modules.Identity.Sessions;

/// <summary>
/// Reserves an attempt slot first (one conditional upsert, so a burst of parallel guesses cannot all be judged before the
/// lock takes hold), then verifies outside any transaction (a hash check takes ~150 ms and must not hold the writer lock),
/// then records the outcome in one short command that checks the lock again.
/// </summary>
internal sealed class LoginCommandHandler(IDatabase db, IMediator mediator, PasswordHashing hashing, IdentityOptions options, TimeProvider clock,
    IdentityMetrics metrics) : IRequestHandler<LoginCommand, LoginResultDto>
{
    public async Task<LoginResultDto> Handle(LoginCommand command, CancellationToken ct)
    {
        var normalized = Roles.Normalize(command.UserId ?? "");
        if (await mediator.Send(new ReserveLoginAttemptCommand(normalized), ct) is { } lockedUntil)
            return LockedOut(lockedUntil);

        var user = await db.QuerySingleOrDefaultAsync<UserRow>(
            "select id, user_id, name, password_hash, staff_role from identity_users where user_id_normalized = @Normalized", new { Normalized = normalized }, ct);
        var check = await hashing.VerifyAsync(user?.PasswordHash, command.Password ?? "", ct);
        if (user is null || check == PasswordCheck.Wrong)
        {
            var until = await mediator.Send(new RecordFailedLoginCommand(normalized), ct);
            metrics.LoginFailed();
            if (until is not null)
                metrics.LockedOut();
            return until is null ? new LoginResultDto(LoginOutcome.InvalidCredentials, null, null) : LockedOut(until.Value);
        }

        var rehash = check == PasswordCheck.RightButRehash ? await hashing.HashAsync(command.Password!, ct) : null;
        var opened = await mediator.Send(new OpenSessionCommand(user.Id, normalized, rehash), ct);
        if (opened.LockedUntil is { } lockedMeanwhile)
            return LockedOut(lockedMeanwhile);
        var now = clock.GetUtcNow();
        return new LoginResultDto(LoginOutcome.Succeeded,
            new SessionDto(opened.Key!, user.Id, user.UserId, user.Name, Roles.Staff(user.StaffRole), now + options.SessionLifetime), null);
    }

    private static LoginResultDto LockedOut(DateTimeOffset until) => new(LoginOutcome.LockedOut, null, until);

    private sealed record UserRow
    {
        public Guid Id { get; init; }
        public string UserId { get; init; } = "";
        public string Name { get; init; } = "";
        public string PasswordHash { get; init; } = "";
        public string? StaffRole { get; init; }
    }
}

/// <summary>Opens a session unless the user ID is locked (a lockout refuses a right password too); returns its key or the lock's end.</summary>
internal sealed record OpenSessionCommand(Guid UserKey, string Normalized, string? NewHash) : ICommand<OpenedSession>;

internal sealed record OpenedSession(string? Key, DateTimeOffset? LockedUntil);

internal sealed class OpenSessionCommandHandler(IDatabase db, IdentityOptions options, TimeProvider clock) : IRequestHandler<OpenSessionCommand, OpenedSession>
{
    public async Task<OpenedSession> Handle(OpenSessionCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Failures judged beside this attempt may have locked the user ID while its hash was checked.
        var lockedUntil = await db.QuerySingleOrDefaultAsync<DateTimeOffset?>(
            "select locked_until from identity_login_throttle where user_id_normalized = @Normalized and locked_until > @Now",
            new { command.Normalized, Now = now }, ct);
        if (lockedUntil is not null)
            return new OpenedSession(null, lockedUntil);
        await db.ExecuteAsync("delete from identity_login_throttle where user_id_normalized = @Normalized", command, ct);
        if (command.NewHash is not null)
            await db.ExecuteAsync("update identity_users set password_hash = @NewHash where id = @UserKey", command, ct);
        var key = Tokens.New();
        await db.ExecuteAsync("""
            insert into identity_sessions (key_hash, user_key, created_at, last_seen_at, expires_at)
            values (@KeyHash, @UserKey, @Now, @Now, @ExpiresAt)
            """, new { KeyHash = Tokens.Hash(key), command.UserKey, Now = now, ExpiresAt = now + options.SessionLifetime }, ct);
        return new OpenedSession(key, null);
    }
}
