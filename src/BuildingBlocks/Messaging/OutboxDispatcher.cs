using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks.Data;

namespace Portal.BuildingBlocks.Messaging;

/// <summary>
/// Delivers stored events to every handler at least once. Each handler runs in its own scope and transaction
/// and records (message id, handler) in the inbox in that transaction, so it runs once per message even when
/// two hosts pick up the same message.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, EventTypeRegistry registry, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    private const int BatchSize = 50;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly ConcurrentDictionary<Type, Func<object, object, CancellationToken, Task>> Invokers = new();

    /// <summary>Delivers every due message, including those raised by handlers along the way; returns how many.</summary>
    public async Task<int> DrainAsync(CancellationToken ct = default)
    {
        var delivered = 0;
        while (true)
        {
            var batch = await ClaimAsync(ct);
            if (batch.Count == 0)
                return delivered;
            foreach (var message in batch)
                if (await DeliverAsync(message, ct))
                    delivered++;
        }
    }

    private async Task<IReadOnlyList<OutboxRow>> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IDatabase>();
        var lockClause = db.Dialect == SqlDialect.Postgres ? "for update skip locked" : "";
        var sql = $"""
            update outbox_messages set locked_until = @Until, attempts = attempts + 1
            where id in (
                select id from outbox_messages
                where processed_at is null and next_attempt_at <= @Now and (locked_until is null or locked_until < @Now)
                order by occurred_at, id limit {BatchSize} {lockClause})
            returning id, type, payload, attempts, occurred_at
            """;
        var now = clock.GetUtcNow();
        var rows = await db.QueryAsync<OutboxRow>(sql, new { Now = now, Until = now + Lease }, ct);
        return rows.OrderBy(r => r.OccurredAt).ThenBy(r => r.Id).ToList();
    }

    private async Task<bool> DeliverAsync(OutboxRow message, CancellationToken ct)
    {
        using var activity = Diagnostics.PortalDiagnostics.Outbox.StartActivity("outbox deliver " + message.Type);
        activity?.SetTag("messaging.message.id", message.Id);
        string? error = null;
        if (registry.TryGet(message.Type, out var eventType, out var handlers))
        {
            var payload = JsonSerializer.Deserialize(message.Payload, eventType, Outbox.Json)!;
            foreach (var handlerType in handlers)
            {
                // Every handler gets its chance; one failing does not hold back the others.
                var failure = await RunHandlerAsync(message.Id, payload, eventType, handlerType, ct);
                error ??= failure;
            }
        }
        await FinishAsync(message, error, ct);
        if (error is not null)
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
        return error is null;
    }

    private async Task<string?> RunHandlerAsync(Guid messageId, object payload, Type eventType, Type handlerType, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IDatabase>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var signal = scope.ServiceProvider.GetRequiredService<OutboxSignal>();
        await db.BeginTransactionAsync(ct);
        try
        {
            const string claim = """
                insert into inbox_messages (message_id, handler, processed_at) values (@MessageId, @Handler, @Now)
                on conflict do nothing
                """;
            var first = await db.ExecuteAsync(claim, new { MessageId = messageId, Handler = handlerType.FullName, Now = clock.GetUtcNow() }, ct) == 1;
            var written = 0;
            if (first)
            {
                var handlerInterface = typeof(INotificationHandler<>).MakeGenericType(eventType);
                var handler = scope.ServiceProvider.GetServices(handlerInterface).First(h => h!.GetType() == handlerType)!;
                await Invoker(eventType)(handler, payload, ct);
                written = await outbox.FlushAsync(ct);
            }
            await db.CommitAsync(ct);
            if (written > 0)
                signal.Notify();
            return null;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            outbox.Discard();
            await db.RollbackAsync(ct);
            logger.LogError(ex, "Handler {Handler} failed for message {MessageId}; it will be retried", handlerType.Name, messageId);
            return $"{handlerType.Name}: {ex.GetType().Name}: {ex.Message}";
        }
    }

    private async Task FinishAsync(OutboxRow message, string? error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IDatabase>();
        var now = clock.GetUtcNow();
        if (error is null)
        {
            await db.ExecuteAsync("update outbox_messages set processed_at = @Now, locked_until = null, last_error = null where id = @Id",
                new { Now = now, message.Id }, ct);
            return;
        }
        // Back off exponentially up to an hour; the message stays until every handler has run once.
        var delay = TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, Math.Min(message.Attempts, 12))));
        await db.ExecuteAsync("update outbox_messages set locked_until = null, next_attempt_at = @Next, last_error = @Error where id = @Id",
            new { Next = now + delay, Error = error.Length > 2000 ? error[..2000] : error, message.Id }, ct);
    }

    private static Func<object, object, CancellationToken, Task> Invoker(Type eventType) =>
        Invokers.GetOrAdd(eventType, t => typeof(OutboxDispatcher)
            .GetMethod(nameof(Invoke), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(t)
            .CreateDelegate<Func<object, object, CancellationToken, Task>>());

    private static Task Invoke<TEvent>(object handler, object payload, CancellationToken ct) where TEvent : INotification =>
        ((INotificationHandler<TEvent>)handler).Handle((TEvent)payload, ct);

    private sealed record OutboxRow
    {
        public Guid Id { get; init; }
        public string Type { get; init; } = "";
        public string Payload { get; init; } = "";
        public int Attempts { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
    }
}
