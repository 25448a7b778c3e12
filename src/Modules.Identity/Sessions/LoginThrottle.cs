using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Identity.Sessions;

/// <summary>
/// Takes one of the MaxFailedLogins attempt slots of a user ID before its password is judged; returns null when a slot
/// was taken, else the end of the lockout. A slot counts as a failure until a sign-in succeeds and clears the count.
/// </summary>
internal sealed record ReserveLoginAttemptCommand(string Normalized) : ICommand<DateTimeOffset?>;

internal sealed class ReserveLoginAttemptCommandHandler(IDatabase db, IdentityOptions options, TimeProvider clock)
    : IRequestHandler<ReserveLoginAttemptCommand, DateTimeOffset?>
{
    public async Task<DateTimeOffset?> Handle(ReserveLoginAttemptCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // One conditional upsert decides, so parallel attempts queue on the row and at most MaxFailedLogins get through.
        // A slot is granted while the count is below the limit and no lock holds; an expired lock, or slots left behind
        // by attempts that never finished (no lock set and no activity for a lockout's length), start a fresh count.
        const string sql = """
            insert into identity_login_throttle (user_id_normalized, failures, locked_until, updated_at)
            values (@Normalized, 1, null, @Now)
            on conflict (user_id_normalized) do update set
                failures = case when identity_login_throttle.locked_until is null and identity_login_throttle.failures < @Max
                                then identity_login_throttle.failures + 1 else 1 end,
                judged_failures = case when identity_login_throttle.locked_until is null and identity_login_throttle.failures < @Max
                                then identity_login_throttle.judged_failures else 0 end,
                locked_until = null,
                updated_at = @Now
            where (identity_login_throttle.locked_until is null
                   and (identity_login_throttle.failures < @Max or identity_login_throttle.updated_at <= @Stale))
               or identity_login_throttle.locked_until <= @Now
            returning failures
            """;
        var granted = await db.QuerySingleOrDefaultAsync<int?>(sql,
            new { command.Normalized, Now = now, Max = options.MaxFailedLogins, Stale = now - options.Lockout }, ct);
        if (granted is not null)
            return null;
        var row = await db.QuerySingleOrDefaultAsync<ThrottleRow>(
            "select locked_until, updated_at from identity_login_throttle where user_id_normalized = @Normalized", command, ct);
        // Every slot is taken by attempts still being judged: refuse until they finish or go stale.
        return row?.LockedUntil ?? (row?.UpdatedAt ?? now) + options.Lockout;
    }

    private sealed record ThrottleRow
    {
        public DateTimeOffset? LockedUntil { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }
}

/// <summary>A judged attempt failed (its slot already counts); returns the lockout end when this is the limit's failure.</summary>
internal sealed record RecordFailedLoginCommand(string Normalized) : ICommand<DateTimeOffset?>;

internal sealed class RecordFailedLoginCommandHandler(IDatabase db, IdentityOptions options, TimeProvider clock)
    : IRequestHandler<RecordFailedLoginCommand, DateTimeOffset?>
{
    public async Task<DateTimeOffset?> Handle(RecordFailedLoginCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Judged failures, not slots, set the lock: slots of attempts still being checked may yet succeed.
        const string sql = """
            update identity_login_throttle set
                judged_failures = judged_failures + 1,
                locked_until = case when judged_failures + 1 >= @Max then coalesce(locked_until, @Until) else locked_until end,
                updated_at = @Now
            where user_id_normalized = @Normalized
            returning locked_until
            """;
        return await db.QuerySingleOrDefaultAsync<DateTimeOffset?>(sql,
            new { command.Normalized, Now = now, Until = now + options.Lockout, Max = options.MaxFailedLogins }, ct);
    }
}
