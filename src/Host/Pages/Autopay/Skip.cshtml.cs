using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Host.Infrastructure;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Payments.Contracts.Autopay;

namespace Portal.Host.Pages.Autopay;

// The link in the autopay notice. Signing in and a confirm POST (antiforgery) make the skip a deliberate act of a
// billing member of the account; a forwarded email alone skips nothing.
[Authorize]
internal sealed class SkipModel(IMediator mediator) : PortalPage(mediator)
{
    public InvoiceDetailDto? Invoice { get; private set; }

    public AutopayChargeDto? Charge { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid account, Guid invoice, bool done = false)
    {
        if (await LoadAsync(account, invoice) is { } refused)
            return refused;
        Done = done;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid account, Guid invoice)
    {
        if (await LoadAsync(account, invoice) is { } refused)
            return refused;
        if (await TrySendAsync(new SkipAutopayInvoiceCommand(account, invoice, User.UserKey())))
            return Redirect($"/autopay/skip?account={account}&invoice={invoice}&done=true");
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid account, Guid invoice)
    {
        await LoadUserAsync(account);
        // Another account's invoice looks the same as one that does not exist.
        if (Account?.AccountId != account || !AccountAccess.Allows(Account.Role, AccountPermission.Billing))
            return NotFound();
        Invoice = await Mediator.Send(new GetInvoiceQuery(account, invoice), HttpContext.RequestAborted);
        if (Invoice is null)
            return NotFound();
        Charge = (await Mediator.Send(new GetAutopayPlanQuery(account), HttpContext.RequestAborted)).Charges.FirstOrDefault(c => c.InvoiceId == invoice);
        return null;
    }
}
