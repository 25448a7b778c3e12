using System.Text.Json;
using Portal.BuildingBlocks.Data;

namespace Portal.Host.Audit;

/// <summary>What one back-office change did; Before and After are JSON snapshots (null when there is nothing to show).</summary>
internal sealed record AuditEntryDto
{
    public long Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string ActorUserId { get; init; } = "";
    public Guid? AccountId { get; init; }
    public string Action { get; init; } = "";
    public string? SubjectId { get; init; }
    public string? BeforeJson { get; init; }
    public string? AfterJson { get; init; }
}

/// <summary>The Host's audit table: written through the scope's database, so a command's entry commits or rolls back with it.</summary>
internal sealed class AuditLog(IDatabase db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task WriteAsync(Guid actorKey, string actorUserId, AuditSubject subject, CancellationToken ct)
    {
        const string sql = """
            insert into audit_entries (occurred_at, actor_user_key, actor_user_id, account_id, action, subject_id, before_json, after_json)
            values (@Now, @ActorKey, @ActorUserId, @AccountId, @Action, @SubjectId, @Before, @After)
            """;
        return db.ExecuteAsync(sql, new
        {
            Now = clock.GetUtcNow(),
            ActorKey = actorKey,
            ActorUserId = actorUserId,
            subject.AccountId,
            subject.Action,
            subject.SubjectId,
            Before = subject.Before is null ? null : JsonSerializer.Serialize(subject.Before, Json),
            After = subject.After is null ? null : JsonSerializer.Serialize(subject.After, Json),
        }, ct);
    }

    public Task<IReadOnlyList<AuditEntryDto>> ForAccountAsync(Guid accountId, int limit, CancellationToken ct)
    {
        const string sql = """
            select id, occurred_at, actor_user_id, account_id, action, subject_id, before_json, after_json from audit_entries
            where account_id = @AccountId order by id desc limit @Limit
            """;
        return db.QueryAsync<AuditEntryDto>(sql, new { AccountId = accountId, Limit = Math.Clamp(limit, 1, 200) }, ct);
    }
}
