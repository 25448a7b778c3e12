using Hangfire;
using Hangfire.Storage;
using Portal.BuildingBlocks.Scheduling;

namespace Portal.Host.Jobs;

/// <summary>
/// Registers one recurring job per schedule at every start (so the in-memory storage gets them back after a restart),
/// with `Jobs:&lt;name&gt;:Cron` overriding a schedule's cron, and removes recurring jobs no schedule names any more.
/// </summary>
internal sealed class RecurringJobsRegistration(
    IRecurringJobManager manager, JobStorage storage, IEnumerable<ScheduledCommand> schedules, IConfiguration config) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        var options = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        foreach (var schedule in schedules)
        {
            var name = schedule.Name;
            var key = $"Jobs:{name}:Cron";
            var configured = config[key] ?? schedule.Cron;
            try
            {
                manager.AddOrUpdate<ScheduledJob>(name, job => job.RunAsync(name, CancellationToken.None), CronExpressions.ToHangfire(configured, key), options);
            }
            catch (ArgumentException ex)
            {
                throw CronExpressions.Invalid(configured, key, ex.Message);
            }
        }

        using var connection = storage.GetConnection();
        var known = schedules.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in connection.GetRecurringJobs().Where(j => !known.Contains(j.Id)))
            manager.RemoveIfExists(stale.Id);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
