using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Host.Api.Jobsites;
using Portal.Modules.Jobsites.Contracts.Jobsites;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.Host.Pages.Jobsites;

[Authorize]
internal sealed class JobsiteModel(IMediator mediator) : PortalPage(mediator)
{
    /// <summary>The order a customer reads a visit's services in: what is going on now, what is next, what is done.</summary>
    public static readonly ServiceStatus[] ServiceOrder = [ServiceStatus.InProgress, ServiceStatus.Planned, ServiceStatus.Completed];

    public JobsiteDto Jobsite { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? account)
    {
        await LoadUserAsync(account);
        if (Account is null || await Mediator.Send(new GetJobsiteQuery(Account.AccountId, id), HttpContext.RequestAborted) is not { } jobsite)
            return NotFound();
        Jobsite = jobsite;
        return Page();
    }

    public string PhotoUrl(Guid photoId) => JobsitesEndpoints.PhotoUrl(Jobsite.AccountId, photoId);
}
