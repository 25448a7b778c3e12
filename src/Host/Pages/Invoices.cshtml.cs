using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Host.Api.Invoicing;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Host.Pages;

[Authorize]
internal sealed class InvoicesModel(IMediator mediator, IConfiguration config, TimeProvider clock) : PortalPage(mediator)
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? Thru { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Status { get; set; } = "open";

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public IReadOnlyList<InvoiceDto> Invoices { get; private set; } = [];

    public AccountBalanceDto? Balance { get; private set; }

    public string? NextCursor { get; private set; }

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public DateOnly? Cutover => DateOnly.TryParseExact(config["Portal:InvoiceCutoverDate"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public bool BeforeCutover => Cutover is { } cut && (From is null || From < cut);

    public string NextPageUrl => $"/invoices?status={Status}&from={From:yyyy-MM-dd}&thru={Thru:yyyy-MM-dd}&cursor={Uri.EscapeDataString(NextCursor ?? "")}";

    public async Task<IActionResult> OnGetAsync(Guid? account)
    {
        await LoadUserAsync(account);
        if (Account is null || Account.Role < AccountRole.Accounting)
            return Redirect("/dashboard");
        if (!InvoicesEndpoints.TryFilter(Status, out var filter))
            (Status, filter) = ("open", InvoiceStatusFilter.Open);
        var page = await Mediator.Send(new GetInvoicesQuery(Account.AccountId, From, Thru, filter, 50, Cursor), HttpContext.RequestAborted);
        Invoices = page.Items;
        NextCursor = page.NextCursor;
        Balance = await Mediator.Send(new GetAccountBalanceQuery(Account.AccountId), HttpContext.RequestAborted);
        return Page();
    }
}
