using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.BuildingBlocks.Errors;
using Portal.Host.Infrastructure;
using Portal.Modules.Identity.Contracts.Users;

namespace Portal.Host.Pages;

/// <summary>
/// Base of the signed-in pages: who is signed in, which of their accounts is selected, and turning the
/// modules' errors into messages beside the form fields.
/// </summary>
internal abstract class PortalPage(IMediator mediator) : PageModel
{
    public const string AccountCookie = "portal.account";

    protected IMediator Mediator { get; } = mediator;

    public MeDto? Me { get; private set; }

    public MembershipDto? Account { get; private set; }

    protected async Task LoadUserAsync(Guid? requestedAccount = null)
    {
        Me = await Mediator.Send(new GetMeQuery(User.UserKey()), HttpContext.RequestAborted);
        if (Me is null)
            return;
        var wanted = requestedAccount ?? (Guid.TryParse(Request.Cookies[AccountCookie], out var remembered) ? remembered : null);
        Account = Me.Accounts.FirstOrDefault(a => a.AccountId == wanted) ?? Me.Accounts.FirstOrDefault();
        if (Account is not null && requestedAccount == Account.AccountId)
            Response.Cookies.Append(AccountCookie, Account.AccountId.ToString(),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, IsEssential = true });
        ViewData["Me"] = Me;
        ViewData["Account"] = Account;
    }

    protected async Task<string> PasswordRuleAsync() =>
        "Use " + (await Mediator.Send(new GetPasswordRuleQuery(), HttpContext.RequestAborted)).Description;

    /// <summary>Sends a command; a refusal becomes a message on the page instead of an error page.</summary>
    protected async Task<bool> TrySendAsync<T>(IRequest<T> request, string fieldPrefix = "")
    {
        try
        {
            await Mediator.Send(request, HttpContext.RequestAborted);
            return true;
        }
        catch (ValidationException validation)
        {
            foreach (var error in validation.Errors)
                ModelState.AddModelError(fieldPrefix + error.PropertyName, error.ErrorMessage);
        }
        catch (Exception ex) when (ex is BusinessRuleException or ConflictException or NotFoundException or ForbiddenException)
        {
            ModelState.AddModelError("", ex.Message);
        }
        return false;
    }
}
