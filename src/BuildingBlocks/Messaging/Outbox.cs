using System.Text;
using System.Text.Json;
using Dapper;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;

namespace Portal.BuildingBlocks.Messaging;

/// <summary>Collects the integration events of the running command; they are stored in its transaction.</summary>
public interface IOutbox
{
    void Add(IIntegrationEvent integrationEvent);
}

internal sealed class Outbox(IDatabase db, TimeProvider clock) : IOutbox
{
    private const int RowsPerInsert = 500;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<IIntegrationEvent> pending = [];

    public void Add(IIntegrationEvent integrationEvent)
    {
        // Outside a transaction the event could be lost or sent for a change that never committed.
        if (!db.InTransaction)
            throw new InvalidOperationException("Events can only be added while a command's transaction is open.");
        pending.Add(integrationEvent);
    }

    public async Task<int> FlushAsync(CancellationToken ct)
    {
        if (pending.Count == 0)
            return 0;
        var now = clock.GetUtcNow();
        var rows = pending.Select(e => new
        {
            Id = Guid.CreateVersion7(now),
            Type = e.GetType().FullName!,
            Payload = JsonSerializer.Serialize(e, e.GetType(), Json),
        }).ToList();
        pending.Clear();
        // A sweep or an import may raise many thousands of events. PostgreSQL takes them as multi-row inserts (one round trip
        // per chunk, well under its parameter limit); SQLite binds thousands of named parameters slowly, so there one prepared
        // single-row insert is reused for every row.
        if (db.Dialect == SqlDialect.Sqlite)
        {
            const string sql = """
                insert into outbox_messages (id, type, payload, occurred_at, next_attempt_at, attempts)
                values (@Id, @Type, @Payload, @Now, @Now, 0)
                """;
            await db.ExecuteAsync(sql, rows.Select(r => new { r.Id, r.Type, r.Payload, Now = now }), ct);
            return rows.Count;
        }
        foreach (var chunk in rows.Chunk(RowsPerInsert))
        {
            var parameters = new DynamicParameters();
            parameters.Add("Now", now);
            var values = new StringBuilder();
            for (var i = 0; i < chunk.Length; i++)
            {
                parameters.Add($"I{i}", chunk[i].Id);
                parameters.Add($"T{i}", chunk[i].Type);
                parameters.Add($"P{i}", chunk[i].Payload);
                values.Append(i == 0 ? "" : ", ").Append($"(@I{i}, @T{i}, @P{i}, @Now, @Now, 0)");
            }
            await db.ExecuteAsync(
                $"insert into outbox_messages (id, type, payload, occurred_at, next_attempt_at, attempts) values {values}", parameters, ct);
        }
        return rows.Count;
    }

    public void Discard() => pending.Clear();
}

/// <summary>Wakes the background dispatcher when a commit wrote events, so delivery does not wait for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim semaphore = new(0, 1);

    public void Notify()
    {
        if (semaphore.CurrentCount == 0)
        {
            try
            {
                semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit already woke the dispatcher.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => semaphore.WaitAsync(timeout, ct);
}
