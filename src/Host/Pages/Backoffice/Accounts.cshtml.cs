using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.BuildingBlocks;
using Portal.Modules.Identity.Contracts.Accounts;

namespace Portal.Host.Pages.Backoffice;

[Authorize(Policy = AuthPolicies.Staff)]
internal sealed class AccountsModel(IMediator mediator) : PortalPage(mediator)
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public Page<AccountDto> Accounts { get; private set; } = new([], null);

    public async Task OnGetAsync()
    {
        await LoadUserAsync();
        Accounts = await Mediator.Send(new SearchAccountsQuery(Search, 50, Cursor), HttpContext.RequestAborted);
    }
}
