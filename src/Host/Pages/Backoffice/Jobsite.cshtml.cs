using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Host.Api.Jobsites;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Jobsites.Contracts.Jobsites;
using Portal.Modules.Jobsites.Contracts.Photos;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.Host.Pages.Backoffice;

[Authorize(Policy = AuthPolicies.Staff)]
[RequestSizeLimit(BackofficeJobsitesEndpoints.MaxPhotoRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = BackofficeJobsitesEndpoints.MaxPhotoRequestBytes)]
internal sealed class JobsiteModel(IMediator mediator) : PortalPage(mediator)
{
    [BindProperty(SupportsGet = true, Name = "account")] public Guid AccountId { get; set; }
    [BindProperty] public DateTime? Start { get; set; }
    [BindProperty] public DateTime? End { get; set; }
    [BindProperty] public string? Services { get; set; }
    [BindProperty] public Guid VisitId { get; set; }
    [BindProperty] public VisitStatus Status { get; set; } = VisitStatus.Planned;
    [BindProperty] public string? Materials { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public string? Caption { get; set; }
    [BindProperty] public IFormFile? Photo { get; set; }

    public JobsiteDto Jobsite { get; private set; } = null!;
    public AccountDto Customer { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid jobsiteId) => await LoadAsync(jobsiteId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostScheduleAsync(Guid jobsiteId)
    {
        if (!await LoadAsync(jobsiteId))
            return NotFound();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Customer.TimeZone);
        if (Start is not { } start || End is not { } end || zone.IsInvalidTime(start) || zone.IsInvalidTime(end))
            ModelState.AddModelError(nameof(Start), $"Enter the start and end of the visit ({Customer.TimeZone} time).");
        else if (await TrySendAsync(new ScheduleVisitCommand(jobsiteId, Utc(start, zone), Utc(end, zone),
                     Lines(Services).Select(l => new PlannedServiceDto(l[0])).ToList())))
            return Back(jobsiteId);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(Guid jobsiteId)
    {
        if (!await LoadAsync(jobsiteId) || Jobsite.Visits.All(v => v.VisitId != VisitId))
            return NotFound();
        // One line per entry: "name | status" for services, "name | quantity | unit" for materials.
        var services = Lines(Services).Select(l => new VisitServiceDto(l[0], Enum.TryParse<ServiceStatus>(l.ElementAtOrDefault(1)?.Replace(" ", ""), true, out var s) ? s : 0)).ToList();
        var materials = Lines(Materials).Select(l => new MaterialDto(l[0],
            decimal.TryParse(l.ElementAtOrDefault(1), NumberStyles.Number, CultureInfo.InvariantCulture, out var q) ? q : -1, l.ElementAtOrDefault(2) ?? "")).ToList();
        if (await TrySendAsync(new UpdateVisitCommand(VisitId, Status, services, materials, Notes)))
            return Back(jobsiteId);
        return Page();
    }

    public async Task<IActionResult> OnPostPhotoAsync(Guid jobsiteId)
    {
        if (!await LoadAsync(jobsiteId) || Jobsite.Visits.All(v => v.VisitId != VisitId))
            return NotFound();
        if (Photo is null || Photo.Length == 0)
        {
            ModelState.AddModelError(nameof(Photo), "Choose a JPEG or PNG photo.");
            return Page();
        }
        // The module checks type and size by content; the user's file name never becomes a path.
        var temp = Path.Combine(Path.GetTempPath(), $"portal-upload-{Guid.NewGuid():N}");
        try
        {
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                await Photo.CopyToAsync(target, HttpContext.RequestAborted);
            if (await TrySendAsync(new AddVisitPhotoCommand(VisitId, temp, Caption)))
                return Back(jobsiteId);
        }
        finally
        {
            System.IO.File.Delete(temp);
        }
        return Page();
    }

    private RedirectResult Back(Guid jobsiteId) => Redirect($"/backoffice/jobsites/{jobsiteId}?account={AccountId}");

    private static DateTimeOffset Utc(DateTime local, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone));

    private static IEnumerable<string[]> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries));

    private async Task<bool> LoadAsync(Guid jobsiteId)
    {
        await LoadUserAsync();
        var ct = HttpContext.RequestAborted;
        if (await Mediator.Send(new GetAccountQuery(AccountId), ct) is not { } customer
            || await Mediator.Send(new GetJobsiteQuery(AccountId, jobsiteId), ct) is not { } jobsite)
            return false;
        (Customer, Jobsite) = (customer, jobsite);
        return true;
    }
}
