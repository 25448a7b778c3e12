namespace Portal.Host.Infrastructure;

/// <summary>
/// The token a payment's charge and outcome step run under. It ignores the caller hanging up (a closed tab must not
/// cut a charge off between the processor's answer and our record of it) and ends only a bounded time after SIGTERM
/// (Shutdown:PaymentGraceSeconds, default 20, inside the host's 30-second shutdown timeout), so a processor that never
/// answers cannot hold the shutdown; such a payment stays unknown for the stale-payment resolver.
/// </summary>
internal sealed class ShutdownGuard : IDisposable
{
    private readonly CancellationTokenSource grace = new();
    private readonly CancellationTokenRegistration registration;

    public ShutdownGuard(IHostApplicationLifetime lifetime, IConfiguration config)
    {
        var seconds = int.TryParse(config["Shutdown:PaymentGraceSeconds"], out var value) && value is > 0 and <= 300 ? value : 20;
        registration = lifetime.ApplicationStopping.Register(() => grace.CancelAfter(TimeSpan.FromSeconds(seconds)));
    }

    public CancellationToken Token => grace.Token;

    public void Dispose()
    {
        registration.Dispose();
        grace.Dispose();
    }
}
