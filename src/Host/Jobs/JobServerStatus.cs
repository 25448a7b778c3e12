using Quartz;

namespace Portal.Host.Jobs;

/// <summary>What readiness asks of the job server; one small implementation per scheduler.</summary>
internal interface IJobServerStatus
{
    /// <summary>False when Jobs:Enabled is false: this host is not meant to run jobs.</summary>
    bool IsEnabled { get; }

    Task<bool> IsRunningAsync(CancellationToken ct);
}

// Quartz's hosted service starts the scheduler with the host and shuts it down when the host stops.
internal sealed class QuartzJobServerStatus(IServiceProvider services, IConfiguration config, IHostApplicationLifetime lifetime) : IJobServerStatus
{
    public bool IsEnabled => !string.Equals(config["Jobs:Enabled"], "false", StringComparison.OrdinalIgnoreCase);

    public async Task<bool> IsRunningAsync(CancellationToken ct)
    {
        if (services.GetService<ISchedulerFactory>() is not { } factory)
            return false;
        if (!lifetime.ApplicationStarted.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested)
            return false;
        return await factory.GetScheduler(ct) is not null;
    }
}
