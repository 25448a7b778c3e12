using System.Collections.Concurrent;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.BuildingBlocks.Messaging;

namespace Portal.IntegrationTests.TestModule;

/// <summary>A tiny module that exists only in tests, to exercise the mediator pipeline and the outbox end to end.</summary>
public static class ProbeModule
{
    public static IServiceCollection AddProbe(this IServiceCollection services) =>
        services.AddModule(typeof(ProbeModule).Assembly, tablePrefix: "testprobe_");

    /// <summary>Texts whose event handler should fail this many more times.</summary>
    public static ConcurrentDictionary<string, int> FailuresLeft { get; } = new();
}

public sealed record RecordProbeCommand(Guid Id, string Text, bool RaiseEvent = true, bool FailAfterWrite = false) : ICommand;

public sealed record ProbeRecordedEvent(Guid ItemId, string Text) : IIntegrationEvent;

internal sealed class RecordProbeCommandValidator : AbstractValidator<RecordProbeCommand>
{
    public RecordProbeCommandValidator()
    {
        RuleFor(c => c.Text).NotEmpty().MaximumLength(20);
    }
}

internal sealed class RecordProbeCommandHandler(IDatabase db, IOutbox outbox) : AsyncRequestHandler<RecordProbeCommand>
{
    protected override async Task Handle(RecordProbeCommand command, CancellationToken ct)
    {
        await db.ExecuteAsync("insert into testprobe_items (id, text) values (@Id, @Text)", new { Id = command.Id.ToString(), command.Text }, ct);
        if (command.RaiseEvent)
            outbox.Add(new ProbeRecordedEvent(command.Id, command.Text));
        if (command.FailAfterWrite)
            throw new InvalidOperationException("The probe was told to fail.");
    }
}

internal sealed class CountingProbeHandler(IDatabase db) : INotificationHandler<ProbeRecordedEvent>
{
    public Task Handle(ProbeRecordedEvent notification, CancellationToken ct) =>
        db.ExecuteAsync("insert into testprobe_handled (message_id, handler, item_id) values ('', 'counting', @Id)", new { Id = notification.ItemId.ToString() }, ct);
}

internal sealed class FlakyProbeHandler(IDatabase db) : INotificationHandler<ProbeRecordedEvent>
{
    public async Task Handle(ProbeRecordedEvent notification, CancellationToken ct)
    {
        await db.ExecuteAsync("insert into testprobe_handled (message_id, handler, item_id) values ('', 'flaky', @Id)", new { Id = notification.ItemId.ToString() }, ct);
        if (ProbeModule.FailuresLeft.TryGetValue(notification.Text, out var left) && left > 0)
        {
            ProbeModule.FailuresLeft[notification.Text] = left - 1;
            throw new InvalidOperationException("Flaky handler failed on purpose.");
        }
    }
}
