using System.Globalization;
using MediatR;
using Portal.BuildingBlocks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Host.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Users;
using Portal.Modules.Payments.Contracts.Autopay;
using Portal.Modules.Payments.Contracts.Methods;

namespace Portal.Host.Pages;

[Authorize]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AuthSetup.AuthRateLimit)]
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

    [BindProperty]
    public Guid PaymentMethodId { get; set; }

    public IReadOnlyList<PaymentMethodDto> Methods { get; private set; } = [];

    public AutopayDto Autopay { get; private set; } = new(false, null);

    [BindProperty]
    public bool AutopayEnabled { get; set; }

    [BindProperty]
    public Guid? AutopayMethodId { get; set; }

    [BindProperty]
    public string? AutopayChargeOn { get; set; }

    [BindProperty]
    public string? AutopayLimit { get; set; }

    public bool CanManageMethods => Account is { Role: >= AccountRole.Accounting };

    public string? Notice { get; private set; }

    public string Rule { get; private set; } = "";

    public async Task OnGetAsync(string? done)
    {
        await LoadAsync();
        Notice = done switch
        {
            "password" => "Your password was changed.",
            "preferences" => "Your preference was saved.",
            "method" => "The payment method was removed.",
            "autopay" => "Autopay was saved.",
            _ => null,
        };
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

    public async Task<IActionResult> OnPostDeleteMethodAsync()
    {
        await LoadUserAsync();
        if (!CanManageMethods)
            return Forbid();
        if (await TrySendAsync(new DeletePaymentMethodCommand(Account!.AccountId, PaymentMethodId)))
            return Redirect("/profile?done=method");
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAutopayAsync()
    {
        await LoadUserAsync();
        if (!CanManageMethods)
            return Forbid();
        Money? limit = null;
        if (!string.IsNullOrWhiteSpace(AutopayLimit))
        {
            if (decimal.TryParse(AutopayLimit.Trim().TrimStart('$'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var dollars)
                && dollars * 100 == decimal.Truncate(dollars * 100) && dollars <= 100_000_000m)
                limit = Money.Dollars((long)(dollars * 100));
            else
                ModelState.AddModelError(nameof(AutopayLimit), "Enter the limit in dollars and cents, like 250.00, or leave it empty.");
        }
        if (ModelState.ErrorCount == 0
            && await TrySendAsync(new SetAutopayCommand(Account!.AccountId, AutopayEnabled, AutopayMethodId, User.UserKey(), AutopayChargeOn, limit), "Autopay"))
            return Redirect("/profile?done=autopay");
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        await LoadUserAsync();
        Rule = await PasswordRuleAsync();
        if (CanManageMethods)
        {
            Methods = await Mediator.Send(new GetPaymentMethodsQuery(Account!.AccountId), HttpContext.RequestAborted);
            Autopay = await Mediator.Send(new GetAutopayQuery(Account.AccountId), HttpContext.RequestAborted);
        }
    }
}
