using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Jobsites.Contracts.Jobsites;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.IntegrationTests.Jobsites;

/// <summary>Arranges jobsite data through the module's own commands.</summary>
internal static class JobsiteBuilders
{
    public static Task<Guid> AnAccountAsync(this PortalTestHost portal, string number = "A-1") =>
        portal.SendAsync(new CreateAccountCommand(number, $"Account {number}", $"{number.ToLowerInvariant()}@example.test"));

    public static Task<Guid> AJobsiteAsync(this PortalTestHost portal, Guid accountId, string name = "Oak Street") =>
        portal.SendAsync(new CreateJobsiteCommand(accountId, name, $"1 {name}, Springfield", 39.7817, -89.6501));

    public static Task<Guid> AVisitAsync(this PortalTestHost portal, Guid jobsiteId, DateTimeOffset start, params string[] services) =>
        portal.SendAsync(new ScheduleVisitCommand(jobsiteId, start, start.AddHours(2), services.Select(s => new PlannedServiceDto(s)).ToList()));

    public static Task SetStatusAsync(this PortalTestHost portal, Guid visitId, VisitStatus status) =>
        portal.SendAsync(new UpdateVisitCommand(visitId, status, [], [], null));

    public static async Task<VisitDto> VisitAsync(this PortalTestHost portal, Guid accountId, Guid jobsiteId, Guid visitId) =>
        (await portal.SendAsync(new GetJobsiteQuery(accountId, jobsiteId)))!.Visits.Single(v => v.VisitId == visitId);
}
