using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Host.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Invitations;
using Portal.Modules.Identity.Contracts.Members;

namespace Portal.Host.Pages;

[Authorize]
internal sealed class UsersModel(IMediator mediator) : PortalPage(mediator)
{
    [BindProperty]
    public string? TargetUserId { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public IReadOnlyList<AccountUserDto> Users { get; private set; } = [];

    public bool IsAdmin => Account?.Role == AccountRole.Admin;

    public string? Notice { get; private set; }

    public async Task OnGetAsync(Guid? account, string? done)
    {
        await LoadAsync(account);
        Notice = done switch
        {
            "invited" => "The invitation is on its way.",
            "role" => "The role was changed.",
            "removed" => "The user was removed from this account.",
            _ => null,
        };
    }

    public Task<IActionResult> OnPostInviteAsync() =>
        ActAsync(id => RoleInput.Parse(Role) is { } role ? new InviteUserCommand(id, Email ?? "", role, User.UserKey()) : null, "invited");

    public Task<IActionResult> OnPostRoleAsync() =>
        ActAsync(id => RoleInput.Parse(Role) is { } role ? new ChangeMemberRoleCommand(id, TargetUserId ?? "", role) : null, "role");

    public Task<IActionResult> OnPostRemoveAsync() => ActAsync<MediatR.Unit>(id => new RemoveMemberCommand(id, TargetUserId ?? ""), "removed");

    private async Task<IActionResult> ActAsync<T>(Func<Guid, IRequest<T>?> command, string done)
    {
        await LoadUserAsync();
        if (!IsAdmin)
            return Forbid();
        if (command(Account!.AccountId) is not { } request)
        {
            ModelState.AddModelError(nameof(Role), RoleInput.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (await TrySendAsync(request))
            return Redirect($"/users?done={done}");
        await LoadAsync(null);
        return Page();
    }

    private async Task LoadAsync(Guid? account)
    {
        await LoadUserAsync(account);
        if (IsAdmin)
            Users = await Mediator.Send(new GetAccountUsersQuery(Account!.AccountId), HttpContext.RequestAborted);
    }
}
