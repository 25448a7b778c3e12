namespace Portal.IntegrationTests.Infrastructure;

/// <summary>A clock the test moves by hand, so time-based rules are tested without sleeping.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public static DateTimeOffset DefaultStart { get; } = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    public ManualClock() : this(DefaultStart)
    {
    }

    public override DateTimeOffset GetUtcNow() => now;

    public DateOnly Today => DateOnly.FromDateTime(now.UtcDateTime);

    public void Advance(TimeSpan by) => now += by;

    public void Set(DateTimeOffset to) => now = to;
}
