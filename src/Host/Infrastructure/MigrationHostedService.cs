using Portal.BuildingBlocks.Data;
using Portal.Host.Jobs;

namespace Portal.Host.Infrastructure;

/// <summary>Brings the schema up to date before anything else starts (registered first, so it runs first).</summary>
internal sealed class MigrationHostedService(Migrator migrator, HangfireSchema hangfire) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await migrator.MigrateAsync(ct);
        await hangfire.InstallAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

internal sealed class DatabaseHealthCheck(ConnectionFactory factory) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var connection = await factory.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "select 1";
            await command.ExecuteScalarAsync(ct);
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("The database is not reachable.", ex);
        }
    }
}
