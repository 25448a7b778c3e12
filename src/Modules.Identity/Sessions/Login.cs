using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Sessions;
using Portal.Modules.Identity.Passwords;

namespace Portal.Modules.Identity.Sessions;

/// <summary>
/// Reads and verifies outside any transaction (a hash check takes ~150 ms and must not hold the writer lock),
/// then records the outcome in one short command.
/// </summary>
internal sealed class LoginCommandHandler(IDatabase db, IMediator mediator, PasswordHashing hashing, IdentityOptions options, TimeProvider clock,
    IdentityMetrics metrics) : IRequestHandler<LoginCommand, LoginResultDto>
{
    public async Task<LoginResultDto> Handle(LoginCommand command, CancellationToken ct)
    {
        var normalized = Roles.Normalize(command.UserId ?? "");
        var lockedUntil = await db.QuerySingleOrDefaultAsync<DateTimeOffset?>(
            "select locked_until from identity_login_throttle where user_id_normalized = @Normalized", new { Normalized = normalized }, ct);
        if (lockedUntil > clock.GetUtcNow())
            return new LoginResultDto(LoginOutcome.LockedOut, null, lockedUntil);

        var user = await db.QuerySingleOrDefaultAsync<UserRow>(
            "select id, user_id, name, password_hash, staff_role from identity_users where user_id_normalized = @Normalized", new { Normalized = normalized }, ct);
        var check = await hashing.VerifyAsync(user?.PasswordHash, command.Password ?? "", ct);
        if (user is null || check == PasswordCheck.Wrong)
        {
            var until = await mediator.Send(new RecordFailedLoginCommand(normalized), ct);
            metrics.LoginFailed();
            if (until is not null)
                metrics.LockedOut();
            return until is null
                ? new LoginResultDto(LoginOutcome.InvalidCredentials, null, null)
                : new LoginResultDto(LoginOutcome.LockedOut, null, until);
        }

        var rehash = check == PasswordCheck.RightButRehash ? await hashing.HashAsync(command.Password!, ct) : null;
        var key = await mediator.Send(new OpenSessionCommand(user.Id, normalized, rehash), ct);
        var now = clock.GetUtcNow();
        return new LoginResultDto(LoginOutcome.Succeeded,
            new SessionDto(key, user.Id, user.UserId, user.Name, Roles.Staff(user.StaffRole), now + options.SessionLifetime), null);
    }

    private sealed record UserRow
    {
        public Guid Id { get; init; }
        public string UserId { get; init; } = "";
        public string Name { get; init; } = "";
        public string PasswordHash { get; init; } = "";
        public string? StaffRole { get; init; }
    }
}

/// <summary>Counts a failure; returns the lockout end when this failure locks the user ID.</summary>
internal sealed record RecordFailedLoginCommand(string Normalized) : ICommand<DateTimeOffset?>;

internal sealed class RecordFailedLoginCommandHandler(IDatabase db, IdentityOptions options, TimeProvider clock)
    : IRequestHandler<RecordFailedLoginCommand, DateTimeOffset?>
{
    public async Task<DateTimeOffset?> Handle(RecordFailedLoginCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // An expired lockout starts a fresh count; the upsert keeps concurrent failures from being lost.
        const string sql = """
            insert into identity_login_throttle (user_id_normalized, failures, locked_until, updated_at)
            values (@Normalized, 1, null, @Now)
            on conflict (user_id_normalized) do update set
                failures = case when identity_login_throttle.locked_until is not null and identity_login_throttle.locked_until <= @Now
                                then 1 else identity_login_throttle.failures + 1 end,
                locked_until = case when identity_login_throttle.locked_until is not null and identity_login_throttle.locked_until <= @Now
                                then null else identity_login_throttle.locked_until end,
                updated_at = @Now
            returning failures
            """;
        var failures = await db.QuerySingleOrDefaultAsync<int>(sql, new { command.Normalized, Now = now }, ct);
        if (failures < options.MaxFailedLogins)
            return null;
        var until = now + options.Lockout;
        await db.ExecuteAsync("update identity_login_throttle set locked_until = @Until, failures = 0 where user_id_normalized = @Normalized",
            new { Until = until, command.Normalized }, ct);
        return until;
    }
}

/// <summary>Clears the failure count, stores a stronger hash when due, and opens a session; returns its key.</summary>
internal sealed record OpenSessionCommand(Guid UserKey, string Normalized, string? NewHash) : ICommand<string>;

internal sealed class OpenSessionCommandHandler(IDatabase db, IdentityOptions options, TimeProvider clock) : IRequestHandler<OpenSessionCommand, string>
{
    public async Task<string> Handle(OpenSessionCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.ExecuteAsync("delete from identity_login_throttle where user_id_normalized = @Normalized", command, ct);
        if (command.NewHash is not null)
            await db.ExecuteAsync("update identity_users set password_hash = @NewHash where id = @UserKey", command, ct);
        var key = Tokens.New();
        await db.ExecuteAsync("""
            insert into identity_sessions (key_hash, user_key, created_at, last_seen_at, expires_at)
            values (@KeyHash, @UserKey, @Now, @Now, @ExpiresAt)
            """, new { KeyHash = Tokens.Hash(key), command.UserKey, Now = now, ExpiresAt = now + options.SessionLifetime }, ct);
        return key;
    }
}
