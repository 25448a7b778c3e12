using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Jobsites.Contracts.Jobsites;

namespace Portal.Host.Pages.Backoffice;

[Authorize(Policy = AuthPolicies.Staff)]
internal sealed class JobsitesModel(IMediator mediator) : PortalPage(mediator)
{
    [BindProperty(SupportsGet = true)] public string? AccountNumber { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Latitude { get; set; }
    [BindProperty] public string? Longitude { get; set; }

    public AccountDto? Customer { get; private set; }
    public IReadOnlyList<JobsiteSummaryDto> Jobsites { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        await LoadAsync();
        if (Customer is null)
            ModelState.AddModelError(nameof(AccountNumber), "There is no account with this number.");
        if (!double.TryParse(Latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(Longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lng))
            ModelState.AddModelError(nameof(Latitude), "Enter the coordinates as decimal degrees, like 41.8781 and -87.6298.");
        else if (Customer is not null && await TrySendAsync(new CreateJobsiteCommand(Customer.AccountId, Name ?? "", Address ?? "", lat, lng)))
            return Redirect($"/backoffice/jobsites?accountNumber={Uri.EscapeDataString(Customer.AccountNumber)}");
        return Page();
    }

    private async Task LoadAsync()
    {
        await LoadUserAsync();
        if (string.IsNullOrWhiteSpace(AccountNumber))
            return;
        Customer = (await Mediator.Send(new GetAccountsByNumberQuery([AccountNumber.Trim()]), HttpContext.RequestAborted)).FirstOrDefault();
        if (Customer is not null)
            Jobsites = await Mediator.Send(new GetJobsitesQuery(Customer.AccountId), HttpContext.RequestAborted);
    }
}
