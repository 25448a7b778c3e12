using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.Host.Pages;

[Authorize]
internal sealed class PaymentsModel(IMediator mediator) : PortalPage(mediator)
{
    public IReadOnlyList<PaymentDto> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? account, string? cursor)
    {
        await LoadUserAsync(account);
        if (Account is null || Account.Role < AccountRole.Accounting)
            return Redirect("/dashboard");
        History = (await Mediator.Send(new GetPaymentsQuery(Account.AccountId, 50, cursor), HttpContext.RequestAborted)).Items;
        return Page();
    }
}
