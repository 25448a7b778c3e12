using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Host.Pages;

[Authorize]
internal sealed class InvoiceDetailModel(IMediator mediator) : PortalPage(mediator)
{
    public InvoiceDetailDto Invoice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid invoiceId)
    {
        await LoadUserAsync();
        if (Account is null || Account.Role < AccountRole.Accounting)
            return NotFound();
        var invoice = await Mediator.Send(new GetInvoiceQuery(Account.AccountId, invoiceId), HttpContext.RequestAborted);
        if (invoice is null)
            return NotFound();
        Invoice = invoice;
        return Page();
    }
}
