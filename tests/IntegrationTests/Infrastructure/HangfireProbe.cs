using Hangfire;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>Reads what Hangfire's storage recorded: the scheduler runs on its own clock, so tests wait for it, bounded.</summary>
public static class HangfireProbe
{
    /// <summary>Succeeded runs of one recurring job, as the storage lists them.</summary>
    public static int Succeeded(JobStorage storage, string job) =>
        storage.GetMonitoringApi().SucceededJobs(0, 10_000).Count(j => j.Value.Job?.Args.FirstOrDefault() as string == job);

    public static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
                return true;
            await Task.Delay(200);
        }
        return condition();
    }
}
