namespace Portal.Modules.Jobsites.Visits;

// From and To are whole UTC days, both included.
internal readonly record struct TimelineWindow(DateOnly From, DateOnly To)
{
    public const int DefaultDays = 30;

    // A year keeps one answer bounded without paging; the timeline is read a month at a time.
    public const int MaxDays = 366;

    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public bool IsValid => To >= From && To.DayNumber - From.DayNumber <= MaxDays;

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static TimelineWindow Resolve(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var start = from ?? (to is { } end && end < today ? end.AddDays(-DefaultDays) : today);
        return new TimelineWindow(start, to ?? start.AddDays(DefaultDays));
    }
}
