using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.BuildingBlocks.Messaging;

namespace Portal.IntegrationTests.Infrastructure;

internal static class OutboxTestKit
{
    /// <summary>
    /// Publishes an event as its module would (in a committed transaction, under a new message id): for events a test
    /// cannot make happen otherwise, or a second delivery of the same fact as a duplicate publish would make.
    /// </summary>
    public static async Task PublishAsync(this IServiceProvider services, IIntegrationEvent @event)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IDatabase>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        await db.BeginTransactionAsync();
        outbox.Add(@event);
        await outbox.FlushAsync(CancellationToken.None);
        await db.CommitAsync();
    }
}
