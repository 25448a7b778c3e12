using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Modules.Jobsites.Contracts.Jobsites;

namespace Portal.Host.Pages.Jobsites;

[Authorize]
internal sealed class IndexModel(IMediator mediator, IConfiguration config, IWebHostEnvironment environment) : PortalPage(mediator)
{
    public IReadOnlyList<JobsiteSummaryDto> Jobsites { get; private set; } = [];

    /// <summary>The pins for jobsites-map.js, as JSON in a data attribute because the CSP allows no inline script.</summary>
    public string PinsJson { get; private set; } = "[]";

    public string TileUrl => config["Jobsites:Map:TileUrl"] ?? "";

    public string TileAttribution => config["Jobsites:Map:TileAttribution"] ?? "";

    // Leaflet comes from npm at build time; without it the page is the list alone.
    public bool HasMapScript => environment.WebRootFileProvider.GetFileInfo("lib/leaflet/leaflet.js").Exists;

    public async Task<IActionResult> OnGetAsync(Guid? account)
    {
        await LoadUserAsync(account);
        if (Account is null)
            return Page();
        Jobsites = await Mediator.Send(new GetJobsitesQuery(Account.AccountId), HttpContext.RequestAborted);
        if (Jobsites.Count == 1)
            return Redirect($"/jobsites/{Jobsites[0].JobsiteId}");
        PinsJson = JsonSerializer.Serialize(Jobsites.Select(j => new
        {
            id = j.JobsiteId,
            name = j.Name,
            address = j.Address,
            lat = j.Latitude,
            lng = j.Longitude,
            url = $"/jobsites/{j.JobsiteId}",
            inProgress = j.InProgress,
            completedThisWeek = j.CompletedThisWeek,
            latest = j.LatestVisit is { } v
                ? new
                {
                    when = $"{VisitText.DateText(v.ScheduledStart)} · {VisitText.Window(v.ScheduledStart, v.ScheduledEnd)}",
                    status = VisitText.Label(v.Status),
                    statusCss = VisitText.Css(v.Status),
                    services = v.Services.Select(s => new { name = s.Name, status = VisitText.Label(s.Status) }),
                }
                : null,
        }));
        return Page();
    }
}
