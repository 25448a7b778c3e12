using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.Modules.Jobsites.Visits;

internal readonly record struct VisitTimes(DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt);

internal static class Visit
{
    public static string ToText(VisitStatus status) => status switch
    {
        VisitStatus.Planned => "planned",
        VisitStatus.InProgress => "in_progress",
        VisitStatus.Completed => "completed",
        VisitStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown visit status."),
    };

    public static VisitStatus ParseStatus(string text) => text switch
    {
        "planned" => VisitStatus.Planned,
        "in_progress" => VisitStatus.InProgress,
        "completed" => VisitStatus.Completed,
        "cancelled" => VisitStatus.Cancelled,
        _ => throw new InvalidOperationException($"Unknown stored visit status '{text}'."),
    };

    public static string ToText(ServiceStatus status) => status switch
    {
        ServiceStatus.Planned => "planned",
        ServiceStatus.InProgress => "in_progress",
        ServiceStatus.Completed => "completed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown service status."),
    };

    public static ServiceStatus ParseServiceStatus(string text) => text switch
    {
        "planned" => ServiceStatus.Planned,
        "in_progress" => ServiceStatus.InProgress,
        "completed" => ServiceStatus.Completed,
        _ => throw new InvalidOperationException($"Unknown stored service status '{text}'."),
    };

    // Any status may follow any other, because the back office corrects mistakes by setting the status again.
    // Setting the same status keeps the recorded times, so saving a visit twice does not move "completed this week".
    public static VisitTimes ChangeStatus(VisitStatus from, VisitStatus to, VisitTimes times, DateTimeOffset now) =>
        from == to ? times : to switch
        {
            VisitStatus.Planned => new VisitTimes(null, null),
            VisitStatus.InProgress => new VisitTimes(times.StartedAt ?? now, null),
            VisitStatus.Completed => new VisitTimes(times.StartedAt, now),
            VisitStatus.Cancelled => new VisitTimes(times.StartedAt, null),
            _ => throw new ArgumentOutOfRangeException(nameof(to), to, "Unknown visit status."),
        };
}
