using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Modules.Invoicing.Contracts.Imports;

namespace Portal.Host.Pages.Backoffice;

[Authorize(Policy = AuthPolicies.Staff)]
internal sealed class ImportModel(IMediator mediator) : PortalPage(mediator)
{
    public InvoiceImportDto Import { get; private set; } = null!;

    public bool Finished => Import.Status is "succeeded" or "failed";

    public async Task<IActionResult> OnGetAsync(Guid importId)
    {
        await LoadUserAsync();
        if (await Mediator.Send(new GetInvoiceImportQuery(importId), HttpContext.RequestAborted) is not { } import)
            return NotFound();
        Import = import;
        return Page();
    }
}
