using System.Globalization;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.Host.Pages.Jobsites;

/// <summary>How visits read on the pages: status labels and CSS names, days and time windows.</summary>
// Portal has no per-user time zone yet, so times are shown in UTC and say so.
internal static class VisitText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static string Label(VisitStatus status) => status switch
    {
        VisitStatus.InProgress => "In progress",
        _ => status.ToString(),
    };

    public static string Label(ServiceStatus status) => status == ServiceStatus.InProgress ? "In progress" : status.ToString();

    public static string Css(VisitStatus status) => status switch
    {
        VisitStatus.InProgress => "in-progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Css(ServiceStatus status) => status == ServiceStatus.InProgress ? "in-progress" : status.ToString().ToLowerInvariant();

    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    public static string DayText(DateOnly day) => day.ToString("dddd, MMMM d", English);

    public static string DateText(DateTimeOffset instant) => instant.UtcDateTime.ToString("ddd, MMM d, yyyy", English);

    public static string Window(DateTimeOffset start, DateTimeOffset end) =>
        Day(start) == Day(end)
            ? $"{start.UtcDateTime:HH:mm}–{end.UtcDateTime:HH:mm} UTC"
            : $"{start.UtcDateTime.ToString("MMM d HH:mm", English)} – {end.UtcDateTime.ToString("MMM d HH:mm", English)} UTC";

    public static string Quantity(decimal quantity) => quantity.ToString("0.###", CultureInfo.InvariantCulture);
}
