using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Host.Infrastructure;
using Portal.Modules.Identity.Contracts.Users;

namespace Portal.Host.Pages;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AuthSetup.AuthRateLimit)]
internal sealed class ForgotPasswordModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public string? UserId { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        // The same answer whether or not they match, so the page reveals nothing about who has a login.
        await mediator.Send(new ForgotPasswordCommand(UserId ?? "", Email ?? ""), HttpContext.RequestAborted);
        Sent = true;
        return Page();
    }
}
