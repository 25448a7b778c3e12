using Portal.Modules.Jobsites.Visits;

namespace Portal.UnitTests.Jobsites;

public sealed class TimelineWindowTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public void Resolve_without_dates_is_today_through_30_days_ahead()
    {
        Assert.Equal(new TimelineWindow(Today, Today.AddDays(30)), TimelineWindow.Resolve(null, null, Today));
    }

    [Fact]
    public void Resolve_with_from_only_covers_30_days_from_it()
    {
        var from = new DateOnly(2026, 6, 1);

        Assert.Equal(new TimelineWindow(from, from.AddDays(30)), TimelineWindow.Resolve(from, null, Today));
    }

    [Fact]
    public void Resolve_with_a_past_to_only_covers_the_30_days_before_it()
    {
        var to = new DateOnly(2026, 1, 31);

        Assert.Equal(new TimelineWindow(to.AddDays(-30), to), TimelineWindow.Resolve(null, to, Today));
    }

    [Fact]
    public void Window_spans_whole_utc_days_with_an_exclusive_end()
    {
        var window = new TimelineWindow(Today, Today);

        Assert.Equal((new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero)), (window.Start, window.End));
    }

    [Fact]
    public void Window_ending_before_it_starts_is_invalid()
    {
        Assert.False(new TimelineWindow(Today, Today.AddDays(-1)).IsValid);
    }

    [Fact]
    public void Window_longer_than_a_year_is_invalid()
    {
        Assert.Equal((true, false), (new TimelineWindow(Today, Today.AddDays(366)).IsValid, new TimelineWindow(Today, Today.AddDays(367)).IsValid));
    }
}
