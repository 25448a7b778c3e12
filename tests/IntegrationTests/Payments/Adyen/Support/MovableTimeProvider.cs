using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Adyen.Emulator;
namespace Portal.IntegrationTests.Payments.Adyen.Support;

// Moves only the wall clock; timers still run on real time.
internal sealed class MovableTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long utcTicks = start.UtcTicks;

    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref utcTicks, value.UtcTicks);
    }

    public override DateTimeOffset GetUtcNow() => Now;
}
