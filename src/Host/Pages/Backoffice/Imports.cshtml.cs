using System.Text;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Host.Api.Invoicing;
using Portal.Modules.Invoicing.Contracts.Imports;

namespace Portal.Host.Pages.Backoffice;

[Authorize(Policy = AuthPolicies.Staff)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
internal sealed class ImportsModel(IMediator mediator, ImportRunner runner) : PortalPage(mediator)
{
    private const long MaxBytes = 50L * 1024 * 1024;

    public const string Sample = """
        accountNumber,invoiceNumber,invoiceDate,dueDate,postAt,description,quantity,unitPrice
        A-1001,INV-2001,2026-03-01,2026-03-31,,Weekly mowing,4,45.00
        A-1001,INV-2001,2026-03-01,2026-03-31,,Mulch (yards),2.5,38.50
        A-1002,INV-2002,2026-03-01,2026-03-31,2026-03-05T14:00:00Z,Spring cleanup,1,350.00

        """;

    [BindProperty] public IFormFile? Upload { get; set; }

    public async Task OnGetAsync() => await LoadUserAsync();

    public IActionResult OnGetSample() =>
        File(Encoding.UTF8.GetBytes(Sample.ReplaceLineEndings("\n")), "text/csv", "invoice-import-sample.csv");

    public async Task<IActionResult> OnPostUploadAsync()
    {
        if (Upload is null || Upload.Length == 0)
            ModelState.AddModelError(nameof(Upload), "Choose a CSV file to upload.");
        else if (Upload.Length > MaxBytes)
            ModelState.AddModelError(nameof(Upload), "A CSV file may be at most 50 MB; split it.");
        if (!ModelState.IsValid)
        {
            await LoadUserAsync();
            return Page();
        }
        using var reader = new StreamReader(Upload!.OpenReadStream());
        var importId = await Mediator.Send(new StartInvoiceImportCommand(await reader.ReadToEndAsync(HttpContext.RequestAborted)), HttpContext.RequestAborted);
        runner.Start(importId);
        return Redirect($"/backoffice/imports/{importId}");
    }
}
