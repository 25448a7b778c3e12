using Hangfire;

namespace Portal.Host.Jobs;

/// <summary>What Hangfire runs at each firing of a schedule: the schedule's sweep, in its own scope.</summary>
internal sealed class ScheduledJob(JobRunner runner)
{
    // No automatic retries: a sweep retries by design at its next firing and catches up what this one left.
    // A failure stays visible (Failed state) on the jobs dashboard, and so does what a run did (its result).
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("{0}")]
    public Task<JobRunResult> RunAsync(string job, CancellationToken ct) => runner.RunAsync(job, ct);
}
