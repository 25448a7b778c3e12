using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Host.Infrastructure;
using Portal.Modules.Identity.Contracts.Sessions;

namespace Portal.Host.Pages;

internal sealed class LogoutModel(IMediator mediator) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.SessionKey() is { } key)
            await mediator.Send(new LogoutCommand(key), HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/login?done=signed-out");
    }
}
