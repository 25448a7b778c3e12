using Portal.BuildingBlocks.Mediation;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.Modules.Jobsites.Contracts.Jobsites;

/// <summary>Adds a property of a customer account; 404 when the account does not exist. Returns the jobsite id.</summary>
public sealed record CreateJobsiteCommand(Guid AccountId, string Name, string Address, double Latitude, double Longitude) : ICommand<Guid>;

/// <summary>Every jobsite of the account, by name, each with its latest visit and the in-progress and completed-this-week flags.</summary>
public sealed record GetJobsitesQuery(Guid AccountId) : IQuery<IReadOnlyList<JobsiteSummaryDto>>;

/// <summary>One jobsite of the account with all its visits, newest first; null when it does not exist or belongs to another account.</summary>
public sealed record GetJobsiteQuery(Guid AccountId, Guid JobsiteId) : IQuery<JobsiteDto?>;

/// <summary>A jobsite as a map pin: where it is, its latest visit (null when it has none) and what is going on there.</summary>
public sealed record JobsiteSummaryDto(
    Guid JobsiteId,
    string Name,
    string Address,
    double Latitude,
    double Longitude,
    VisitSummaryDto? LatestVisit,
    bool InProgress,
    bool CompletedThisWeek);

/// <summary>A jobsite with every visit, newest scheduled start first.</summary>
public sealed record JobsiteDto(
    Guid JobsiteId,
    Guid AccountId,
    string Name,
    string Address,
    double Latitude,
    double Longitude,
    IReadOnlyList<VisitDto> Visits);
