using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Host.Pages.Documents;

/// <summary>
/// The link emails carry to a PDF: signing in first when needed (an anonymous visitor is sent to sign in and comes back),
/// then on to the API route, which checks the membership and renders the document.
/// </summary>
[Authorize]
internal sealed class OpenModel : PageModel
{
    public IActionResult OnGet(string kind, Guid accountId, Guid id) => kind switch
    {
        "invoice" => Redirect($"/api/accounts/{accountId}/invoices/{id}/pdf"),
        "receipt" => Redirect($"/api/accounts/{accountId}/payments/{id}/receipt"),
        _ => NotFound(),
    };
}
