using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Host.Infrastructure;
using Portal.Modules.Identity.Contracts.Users;

namespace Portal.Host.Pages;

[Authorize]
internal sealed class ProfileModel(IMediator mediator) : PortalPage(mediator)
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    [BindProperty]
    public bool EmailNotifications { get; set; }

    public string? Notice { get; private set; }

    public string Rule { get; private set; } = "";

    public async Task OnGetAsync(string? done)
    {
        await LoadAsync();
        Notice = done switch { "password" => "Your password was changed.", "preferences" => "Your preference was saved.", _ => null };
    }

    public async Task<IActionResult> OnPostPreferencesAsync()
    {
        await Mediator.Send(new UpdatePreferencesCommand(User.UserKey(), EmailNotifications), HttpContext.RequestAborted);
        return Redirect("/profile?done=preferences");
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (NewPassword != Confirm)
            ModelState.AddModelError(nameof(Confirm), "The two new passwords are not the same.");
        else if (await TrySendAsync(new ChangePasswordCommand(User.UserKey(), CurrentPassword ?? "", NewPassword ?? "", User.SessionKey())))
            return Redirect("/profile?done=password");
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        await LoadUserAsync();
        Rule = await PasswordRuleAsync();
    }
}
