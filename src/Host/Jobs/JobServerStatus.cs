using Hangfire;

namespace Portal.Host.Jobs;

/// <summary>What readiness asks of the job server; one small implementation per scheduler.</summary>
internal interface IJobServerStatus
{
    /// <summary>False when Jobs:Enabled is false: this host is not meant to run jobs.</summary>
    bool IsEnabled { get; }

    Task<bool> IsRunningAsync(CancellationToken ct);
}

/// <summary>The name this host's Hangfire server announces in the storage's server list.</summary>
internal sealed record JobServerName(string Value);

// Running means this host's Hangfire server has announced itself in the storage (its heartbeat) and the host is not stopping.
internal sealed class HangfireJobServerStatus(IServiceProvider services, IConfiguration config, IHostApplicationLifetime lifetime) : IJobServerStatus
{
    public bool IsEnabled => !string.Equals(config["Jobs:Enabled"], "false", StringComparison.OrdinalIgnoreCase);

    public Task<bool> IsRunningAsync(CancellationToken ct)
    {
        if (services.GetService<JobServerName>() is not { } name || services.GetService<JobStorage>() is not { } storage)
            return Task.FromResult(false);
        if (!lifetime.ApplicationStarted.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested)
            return Task.FromResult(false);
        // Hangfire names a server "<ServerName in lower case>:<process id>:<guid>".
        var prefix = name.Value.ToLowerInvariant() + ":";
        return Task.FromResult(storage.GetMonitoringApi().Servers().Any(s => s.Name.StartsWith(prefix, StringComparison.Ordinal)));
    }
}
