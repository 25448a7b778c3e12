using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.BuildingBlocks;
using Portal.Host.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Identity.Contracts.Invitations;

namespace Portal.Host.Pages.Backoffice;

[Authorize(Policy = AuthPolicies.Staff)]
internal sealed class IndexModel(IMediator mediator) : PortalPage(mediator)
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    [BindProperty]
    public Guid AccountId { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? AccountNumber { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? BillingEmail { get; set; }

    public Page<AccountDto> Accounts { get; private set; } = new([], null);

    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? done)
    {
        await LoadAsync();
        Notice = done switch { "created" => "The account was created.", "invited" => "The invitation is on its way.", _ => null };
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (await TrySendAsync(new CreateAccountCommand(AccountNumber ?? "", Name ?? "", BillingEmail ?? "")))
            return Redirect($"/backoffice?done=created&search={Uri.EscapeDataString(AccountNumber ?? "")}");
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync()
    {
        if (RoleInput.Parse(Role) is not { } role)
        {
            ModelState.AddModelError(nameof(Role), RoleInput.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (await TrySendAsync(new InviteUserCommand(AccountId, Email ?? "", role, User.UserKey())))
            return Redirect("/backoffice?done=invited");
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        await LoadUserAsync();
        Accounts = await Mediator.Send(new SearchAccountsQuery(Search, 50, Cursor), HttpContext.RequestAborted);
    }
}
