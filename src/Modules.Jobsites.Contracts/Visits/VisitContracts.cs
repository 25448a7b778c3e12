using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Jobsites.Contracts.Visits;

/// <summary>Where a visit stands; the Host writes it as planned, in_progress, completed or cancelled.</summary>
public enum VisitStatus
{
    Planned = 1,
    InProgress = 2,
    Completed = 3,
    Cancelled = 4,
}

/// <summary>Where one service of a visit stands; the Host writes it as planned, in_progress or completed.</summary>
public enum ServiceStatus
{
    Planned = 1,
    InProgress = 2,
    Completed = 3,
}

/// <summary>Plans a visit to a jobsite with its services, all planned; 404 for an unknown jobsite. Returns the visit id.</summary>
public sealed record ScheduleVisitCommand(
    Guid JobsiteId, DateTimeOffset ScheduledStart, DateTimeOffset ScheduledEnd, IReadOnlyList<PlannedServiceDto> Services) : ICommand<Guid>;

/// <summary>Replaces a visit's status, services, materials and notes; 404 for an unknown visit.</summary>
public sealed record UpdateVisitCommand(
    Guid VisitId, VisitStatus Status, IReadOnlyList<VisitServiceDto> Services, IReadOnlyList<MaterialDto> Materials, string? Notes) : ICommand;

/// <summary>The account's visits of every jobsite by scheduled start, from From through To (UTC days; default today through 30 days ahead).</summary>
public sealed record GetVisitsQuery(Guid AccountId, DateOnly? From = null, DateOnly? To = null) : IQuery<IReadOnlyList<TimelineVisitDto>>;

/// <summary>Which account and jobsite a visit belongs to, for the back office; null when the visit does not exist.</summary>
public sealed record GetVisitOwnerQuery(Guid VisitId) : IQuery<VisitOwnerDto?>;

/// <summary>A service to be done on a visit.</summary>
public sealed record PlannedServiceDto(string Name);

/// <summary>A service of a visit and where it stands.</summary>
public sealed record VisitServiceDto(string Name, ServiceStatus Status);

/// <summary>A material used on a visit, like 2.5 "yd" of "Mulch".</summary>
public sealed record MaterialDto(string Name, decimal Quantity, string Unit);

/// <summary>A photo of a visit; the Host serves its bytes at /api/accounts/{accountId}/photos/{photoId}.</summary>
public sealed record VisitPhotoDto(Guid PhotoId, string? Caption);

/// <summary>The quick view of a visit shown on a jobsite's map pin.</summary>
public sealed record VisitSummaryDto(
    Guid VisitId, DateTimeOffset ScheduledStart, DateTimeOffset ScheduledEnd, VisitStatus Status, IReadOnlyList<VisitServiceDto> Services);

/// <summary>A visit with everything done on it; StartedAt and CompletedAt come from the clock when the status changed.</summary>
public sealed record VisitDto(
    Guid VisitId,
    DateTimeOffset ScheduledStart,
    DateTimeOffset ScheduledEnd,
    VisitStatus Status,
    IReadOnlyList<VisitServiceDto> Services,
    IReadOnlyList<MaterialDto> Materials,
    string? Notes,
    IReadOnlyList<VisitPhotoDto> Photos,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt);

/// <summary>A visit on the account's timeline, with the jobsite it is at.</summary>
public sealed record TimelineVisitDto(
    Guid VisitId,
    Guid JobsiteId,
    string JobsiteName,
    DateTimeOffset ScheduledStart,
    DateTimeOffset ScheduledEnd,
    VisitStatus Status,
    IReadOnlyList<VisitServiceDto> Services);

/// <summary>The account and jobsite a visit belongs to.</summary>
public sealed record VisitOwnerDto(Guid VisitId, Guid JobsiteId, Guid AccountId);
