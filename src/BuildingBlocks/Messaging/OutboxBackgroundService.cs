using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Portal.BuildingBlocks.Messaging;

/// <summary>Delivers the outbox continuously: woken by commits that wrote events, and polled for retries and other hosts' events.</summary>
internal sealed class OutboxBackgroundService(OutboxDispatcher dispatcher, OutboxSignal signal, ILogger<OutboxBackgroundService> logger)
    : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DrainAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox delivery failed; retrying");
            }
            try
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
