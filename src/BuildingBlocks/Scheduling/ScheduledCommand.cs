using MediatR;

namespace Portal.BuildingBlocks.Scheduling;

/// <summary>A module's sweep on a timer: the Host schedules it and can run it on demand by name.</summary>
public sealed record ScheduledCommand(string Name, string Cron, Func<IRequest<SweepResult>> Create);

/// <summary>What one run of a sweep did.</summary>
public sealed record SweepResult(int Found, int Succeeded, int Failed)
{
    public static SweepResult Empty { get; } = new(0, 0, 0);

    public IReadOnlyList<string> Errors { get; init; } = [];
}
