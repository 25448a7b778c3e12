using Microsoft.Extensions.Configuration;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;

namespace Portal.Modules.Payments.Payments;

/// <summary>
/// Card testing: a script that tries stolen card numbers shows up as a run of refused payments. After
/// Payments:CardTesting:RefusalsPerHour refused (or still running) customer payments within an hour, per account and
/// per user, new payments are 429 until the oldest of them is an hour old. Autopay charges never count.
/// </summary>
internal sealed class RefusalLimit(IDatabase db, TimeProvider clock, IConfiguration config)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private int Limit => int.TryParse(config["Payments:CardTesting:RefusalsPerHour"], out var n) ? n : 10;

    /// <summary>Runs inside the transaction that records the payment, so concurrent attempts count each other.</summary>
    public async Task CheckAsync(Guid accountId, Guid? userKey, CancellationToken ct)
    {
        if (Limit <= 0)
            return;
        if (db.Dialect == SqlDialect.Postgres)
        {
            // Always the user first, then the account: two payments never wait for each other in opposite orders.
            if (userKey is { } user)
                await db.ExecuteAsync("select pg_advisory_xact_lock(@Key)", new { Key = LockKey(user, 1) }, ct);
            await db.ExecuteAsync("select pg_advisory_xact_lock(@Key)", new { Key = LockKey(accountId, 2) }, ct);
        }
        var now = clock.GetUtcNow();
        var since = now - Window;
        var byAccount = await LimitReachedAtAsync(ByAccount, accountId, since, ct);
        var byUser = userKey is { } key ? await LimitReachedAtAsync(ByUser, key, since, ct) : null;
        if (new[] { byAccount, byUser }.Max() is { } reached)
            throw new TooManyAttemptsException(reached + Window - now,
                $"Too many payments were refused in the last hour. To protect your account, try again after {(int)Math.Ceiling((reached + Window - now).TotalMinutes)} minutes, or contact us.");
    }

    private const string ByAccount = """
        select created_at from payments_payments
        where account_id = @Id and merchant_initiated = @No and created_at > @Since and status in ('refused', 'error', 'processing')
        order by created_at desc limit @Limit
        """;

    private const string ByUser = """
        select created_at from payments_payments
        where paid_by = @Id and merchant_initiated = @No and created_at > @Since and status in ('refused', 'error', 'processing')
        order by created_at desc limit @Limit
        """;

    // The limit-th newest counted attempt: once it is an hour old, fewer than the limit remain.
    private async Task<DateTimeOffset?> LimitReachedAtAsync(string sql, Guid id, DateTimeOffset since, CancellationToken ct)
    {
        var recent = await db.QueryAsync<DateTimeOffset>(sql, new { Id = id, No = false, Since = since, Limit }, ct);
        return recent.Count >= Limit ? recent[^1] : null;
    }

    private static long LockKey(Guid id, byte kind)
    {
        var bytes = id.ToByteArray();
        bytes[0] ^= kind;
        return BitConverter.ToInt64(bytes, 0) ^ BitConverter.ToInt64(bytes, 8);
    }
}
