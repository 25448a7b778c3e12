using MediatR;
using Microsoft.AspNetCore.Mvc;
using Portal.Host.Infrastructure;
using Portal.Modules.Identity.Contracts.Invitations;
using Portal.Modules.Identity.Contracts.Sessions;

namespace Portal.Host.Pages;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AuthSetup.AuthRateLimit)]
internal sealed class RegisterModel(IMediator mediator) : PortalPage(mediator)
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? UserId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public InvitationDetailsDto? Invitation { get; private set; }

    public string Rule { get; private set; } = "";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Invitation is null || !await TrySendAsync(new RegisterCommand(Token ?? "", UserId ?? "", Name ?? "", Password ?? "")))
            return Page();
        var login = await Mediator.Send(new LoginCommand(UserId!, Password!), HttpContext.RequestAborted);
        if (login.Session is null)
            return Redirect("/login?done=registered");
        await AuthSetup.SignInAsync(HttpContext, login.Session);
        return Redirect("/dashboard");
    }

    private async Task LoadAsync()
    {
        Invitation = string.IsNullOrEmpty(Token) ? null : await Mediator.Send(new GetInvitationQuery(Token), HttpContext.RequestAborted);
        Rule = await PasswordRuleAsync();
    }
}
