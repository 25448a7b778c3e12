using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Host.Pages.Backoffice;

[Authorize(Policy = AuthPolicies.Staff)]
internal sealed class InvoiceModel(IMediator mediator) : PortalPage(mediator)
{
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool Confirm { get; set; }

    public BackofficeInvoiceDetailDto Detail { get; private set; } = null!;
    public AccountDto? Customer { get; private set; }
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid invoiceId, string? done)
    {
        Notice = done == "voided" ? "The invoice was voided." : null;
        return await LoadAsync(invoiceId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostVoidAsync(Guid invoiceId)
    {
        if (string.IsNullOrWhiteSpace(Reason))
            ModelState.AddModelError(nameof(Reason), "Say why the invoice is voided.");
        if (!Confirm)
            ModelState.AddModelError(nameof(Confirm), "Tick the box to confirm the void.");
        if (ModelState.IsValid && await TrySendAsync(new VoidInvoiceCommand(invoiceId, Reason!.Trim())))
            return Redirect($"/backoffice/invoices/{invoiceId}?done=voided");
        return await LoadAsync(invoiceId) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid invoiceId)
    {
        await LoadUserAsync();
        if (await Mediator.Send(new GetBackofficeInvoiceQuery(invoiceId), HttpContext.RequestAborted) is not { } detail)
            return false;
        Detail = detail;
        Customer = await Mediator.Send(new GetAccountQuery(detail.Invoice.AccountId), HttpContext.RequestAborted);
        return true;
    }
}
