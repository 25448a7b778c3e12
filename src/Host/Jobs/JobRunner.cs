using MediatR;
using Portal.BuildingBlocks.Errors;
using Portal.BuildingBlocks.Scheduling;

namespace Portal.Host.Jobs;

/// <summary>Runs one named schedule's sweep in its own scope: from Hangfire, or on demand from the back office.</summary>
internal sealed class JobRunner(IServiceScopeFactory scopes, IEnumerable<ScheduledCommand> schedules, ILogger<JobRunner> logger)
{
    public async Task<JobRunResult> RunAsync(string name, CancellationToken ct)
    {
        var schedule = schedules.FirstOrDefault(s => s.Name == name)
            ?? throw new NotFoundException($"There is no job named '{name}'. Jobs: {string.Join(", ", schedules.Select(s => s.Name))}.");
        await using var scope = scopes.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var result = await mediator.Send(schedule.Create(), ct);
        logger.LogInformation("Job {Job} found {Found}, succeeded {Succeeded}, failed {Failed}", name, result.Found, result.Succeeded, result.Failed);
        return new JobRunResult(name, result.Found, result.Succeeded, result.Failed, result.Errors);
    }
}

internal sealed record JobRunResult(string Job, int Found, int Succeeded, int Failed, IReadOnlyList<string> Errors);
