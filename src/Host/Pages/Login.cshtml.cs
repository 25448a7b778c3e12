using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Host.Infrastructure;
using Portal.Modules.Identity.Contracts.Sessions;

namespace Portal.Host.Pages;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AuthSetup.AuthRateLimit)]
internal sealed class LoginModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public string? UserId { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Notice { get; private set; }

    public void OnGet(string? done) => Notice = done switch
    {
        "signed-out" => "You are signed out.",
        "reset" => "Your password was changed. Sign in with the new one.",
        "registered" => "Your login is ready. Sign in.",
        _ => null,
    };

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await mediator.Send(new LoginCommand(UserId ?? "", Password ?? ""), HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case LoginOutcome.Succeeded:
                await AuthSetup.SignInAsync(HttpContext, result.Session!);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : result.Session!.StaffRole is null ? "/dashboard" : "/backoffice");
            case LoginOutcome.LockedOut:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                ModelState.AddModelError("", "Too many failed sign-ins for this user ID. Wait 15 minutes or reset your password.");
                return Page();
            default:
                ModelState.AddModelError("", "The user ID or password is not right.");
                return Page();
        }
    }
}
