using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Host.Pages;

internal sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
