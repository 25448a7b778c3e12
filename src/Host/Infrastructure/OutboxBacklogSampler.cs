using Portal.BuildingBlocks.Diagnostics;

namespace Portal.Host.Infrastructure;

/// <summary>Refreshes the outbox backlog gauges twice a minute while metrics are exported, probes or no probes.</summary>
internal sealed class OutboxBacklogSampler(OutboxMonitor monitor, ILogger<OutboxBacklogSampler> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first tick comes after the migrations have run at start-up.
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await monitor.ReadAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not read the outbox backlog");
            }
        }
    }
}
