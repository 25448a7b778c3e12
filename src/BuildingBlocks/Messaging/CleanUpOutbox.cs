using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.BuildingBlocks.Scheduling;

namespace Portal.BuildingBlocks.Messaging;

/// <summary>Deletes delivered outbox messages and old inbox records so the tables stay small.</summary>
public sealed record CleanUpOutboxCommand : IWorkflowCommand<SweepResult>;

internal sealed class CleanUpOutboxCommandHandler(IDatabase db, TimeProvider clock) : MediatR.IRequestHandler<CleanUpOutboxCommand, SweepResult>
{
    private static readonly TimeSpan KeepDelivered = TimeSpan.FromDays(7);
    // Inbox rows must outlive any redelivery of their message, so they are kept much longer.
    private static readonly TimeSpan KeepInbox = TimeSpan.FromDays(30);

    public async Task<SweepResult> Handle(CleanUpOutboxCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var outbox = await db.ExecuteAsync("delete from outbox_messages where processed_at is not null and processed_at < @Before", new { Before = now - KeepDelivered }, ct);
        var inbox = await db.ExecuteAsync("delete from inbox_messages where processed_at < @Before", new { Before = now - KeepInbox }, ct);
        return new SweepResult(outbox + inbox, outbox + inbox, 0);
    }
}
