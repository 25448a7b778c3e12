using MediatR;
using Microsoft.AspNetCore.Mvc;
using Portal.Host.Infrastructure;
using Portal.Modules.Identity.Contracts.Users;

namespace Portal.Host.Pages;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AuthSetup.AuthRateLimit)]
internal sealed class ResetPasswordModel(IMediator mediator) : PortalPage(mediator)
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public string Rule { get; private set; } = "";

    public async Task OnGetAsync() => Rule = await PasswordRuleAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        Rule = await PasswordRuleAsync();
        if (NewPassword != Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), "The two passwords are not the same.");
            return Page();
        }
        return await TrySendAsync(new ResetPasswordCommand(Token ?? "", NewPassword ?? "")) ? Redirect("/login?done=reset") : Page();
    }
}
