using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Diagnostics;
using Portal.Host.Jobs;

namespace Portal.Host.Infrastructure;

/// <summary>
/// /health/live: the process answers (no check, so a slow database never gets a live process restarted).
/// /health/ready and /health: database reachable, migrations at the expected version, job server running, outbox moving.
/// </summary>
internal static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddPortalHealth(this IServiceCollection services, IConfiguration config)
    {
        var outboxMaxAge = TimeSpan.FromMinutes(double.TryParse(config["Health:OutboxMaxAgeMinutes"], out var minutes) && minutes > 0 ? minutes : 15);
        // The one line to change with the scheduler: readiness only asks IJobServerStatus.
        services.AddSingleton<IJobServerStatus, HangfireJobServerStatus>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [Ready])
            .AddCheck<JobServerHealthCheck>("jobs", tags: [Ready])
            .AddTypeActivatedCheck<OutboxHealthCheck>("outbox", failureStatus: null, tags: [Ready], args: [outboxMaxAge]);
        return services;
    }

    public static WebApplication MapPortalHealth(this WebApplication app)
    {
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) };
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", ready);
        app.MapHealthChecks("/health", ready);
        return app;
    }
}

/// <summary>Every script of every module is recorded as applied: a host never serves on an older schema than its code.</summary>
internal sealed class MigrationsHealthCheck(ConnectionFactory factory, Migrator migrator, IEnumerable<MigrationSource> sources) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var applied = new HashSet<(string, int)>();
        await using (var connection = await factory.OpenAsync(ct))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "select module, version from schema_versions";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                applied.Add((reader.GetString(0), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)));
        }
        var missing = sources.SelectMany(s => migrator.Scripts(s).Where(script => !applied.Contains((s.Module, script.Version)))
            .Select(script => $"{s.Module} {script.Name}")).ToList();
        return missing.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Migrations not applied: {string.Join(", ", missing)}.");
    }
}

internal sealed class JobServerHealthCheck(IJobServerStatus jobs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!jobs.IsEnabled)
            return HealthCheckResult.Healthy("Jobs:Enabled is false: this host runs no jobs.");
        return await jobs.IsRunningAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The job server is not running.");
    }
}

/// <summary>An event waiting longer than the threshold means delivery has stopped (or one handler keeps failing).</summary>
internal sealed class OutboxHealthCheck(OutboxMonitor monitor, TimeSpan maxAge) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var backlog = await monitor.ReadAsync(ct);
        return backlog.OldestAge <= maxAge
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{backlog.Pending} events wait; the oldest for {backlog.OldestAge.TotalMinutes:0} minutes.");
    }
}
