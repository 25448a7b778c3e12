using System.Diagnostics.Metrics;
using Portal.BuildingBlocks.Data;

namespace Portal.BuildingBlocks.Diagnostics;

/// <summary>How many events wait in the outbox and since when.</summary>
public sealed record OutboxBacklog(long Pending, TimeSpan OldestAge);

/// <summary>
/// Reads the outbox backlog for readiness and for the backlog gauges. The gauges show the last reading, because a
/// metrics callback must not block on the database; readiness probes and the Host's sampler refresh it.
/// </summary>
public sealed class OutboxMonitor
{
    private readonly ConnectionFactory connections;
    private readonly TimeProvider clock;
    private volatile OutboxBacklog last = new(0, TimeSpan.Zero);

    public OutboxMonitor(ConnectionFactory connections, TimeProvider clock, IMeterFactory meters)
    {
        this.connections = connections;
        this.clock = clock;
        var meter = meters.Create(PortalDiagnostics.OutboxMeterName);
        meter.CreateObservableGauge("portal.outbox.pending", () => last.Pending, "{message}", "Events not yet delivered to every handler");
        meter.CreateObservableGauge("portal.outbox.oldest_age", () => last.OldestAge.TotalSeconds, "s", "Age of the oldest undelivered event");
    }

    public OutboxBacklog Last => last;

    public async Task<OutboxBacklog> ReadAsync(CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "select count(*), min(occurred_at) from outbox_messages where processed_at is null";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var pending = Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
        var oldest = reader.IsDBNull(1) ? (DateTimeOffset?)null : ReadInstant(reader.GetValue(1));
        var age = oldest is null ? TimeSpan.Zero : clock.GetUtcNow() - oldest.Value;
        last = new OutboxBacklog(pending, age < TimeSpan.Zero ? TimeSpan.Zero : age);
        return last;
    }

    // SQLite keeps instants as text, PostgreSQL as timestamptz.
    private static DateTimeOffset ReadInstant(object value) => value switch
    {
        DateTimeOffset instant => instant,
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unexpected occurred_at type {value.GetType().Name}."),
    };
}
