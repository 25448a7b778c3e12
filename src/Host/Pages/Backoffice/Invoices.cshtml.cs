using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.BuildingBlocks;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Host.Pages.Backoffice;

[Authorize(Policy = AuthPolicies.Staff)]
internal sealed class InvoicesModel(IMediator mediator) : PortalPage(mediator)
{
    public const int LineRows = 5;

    [BindProperty(SupportsGet = true)] public string? AccountNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Thru { get; set; }
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    [BindProperty] public NewInvoiceForm New { get; set; } = new();

    public Page<BackofficeInvoiceDto> Invoices { get; private set; } = new([], null);
    public IReadOnlyDictionary<Guid, AccountDto> Accounts { get; private set; } = new Dictionary<Guid, AccountDto>();
    public string? Notice { get; private set; }

    public async Task OnGetAsync(string? created)
    {
        await LoadAsync();
        Notice = created is null ? null : $"Invoice {created} was created.";
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var account = string.IsNullOrWhiteSpace(New.AccountNumber) ? null
            : (await Mediator.Send(new GetAccountsByNumberQuery([New.AccountNumber.Trim()]), HttpContext.RequestAborted)).FirstOrDefault();
        if (account is null)
            ModelState.AddModelError("New.AccountNumber", "There is no account with this number.");
        var lines = New.Lines.Where(l => !string.IsNullOrWhiteSpace(l.Description) || !string.IsNullOrWhiteSpace(l.UnitPrice)).ToList();
        var parsed = new List<InvoiceLineInputDto>();
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            if (!decimal.TryParse(line.Quantity, NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity) || !MoneyText.TryCents(line.UnitPrice, out var cents))
                ModelState.AddModelError($"New.Lines[{i}]", $"Line {i + 1}: enter a quantity and a unit price in dollars, like 125.50.");
            else
                parsed.Add(new InvoiceLineInputDto(line.Description ?? "", quantity, Money.Dollars(cents)));
        }
        // Finance types the posting time as the customer's wall clock: the account's own time zone.
        DateTimeOffset? postAt = null;
        if (!New.PostNow && account is not null)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(account.TimeZone);
            if (New.PostAt is not { } local || zone.IsInvalidTime(local))
                ModelState.AddModelError("New.PostAt", $"Choose when to post the invoice ({account.TimeZone} time), or post it now.");
            else
                postAt = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone));
        }
        if (ModelState.IsValid && await TrySendAsync(new CreateInvoiceCommand(account!.AccountId, New.InvoiceNumber ?? "",
                New.InvoiceDate ?? default, New.DueDate ?? default, postAt, parsed, New.AllowPartialPayment), "New."))
            return Redirect($"/backoffice/invoices?accountNumber={Uri.EscapeDataString(account.AccountNumber)}&created={Uri.EscapeDataString(New.InvoiceNumber ?? "")}");
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        await LoadUserAsync();
        var ct = HttpContext.RequestAborted;
        Guid? accountId = null;
        if (!string.IsNullOrWhiteSpace(AccountNumber))
            accountId = (await Mediator.Send(new GetAccountsByNumberQuery([AccountNumber.Trim()]), ct)).FirstOrDefault()?.AccountId ?? Guid.Empty;
        try
        {
            Invoices = await Mediator.Send(new GetBackofficeInvoicesQuery(accountId, string.IsNullOrEmpty(Status) ? null : Status, From, Thru, 50, Cursor, Number), ct);
        }
        catch (FluentValidation.ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
                ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }
        Accounts = await BackofficeAccounts.ByIdAsync(Mediator, Invoices.Items.Select(i => i.AccountId), ct);
    }

    internal sealed class NewInvoiceForm
    {
        public string? AccountNumber { get; set; }
        public string? InvoiceNumber { get; set; }
        public DateOnly? InvoiceDate { get; set; }
        public DateOnly? DueDate { get; set; }
        public bool PostNow { get; set; } = true;
        public DateTime? PostAt { get; set; }
        public bool AllowPartialPayment { get; set; } = true;
        public List<LineForm> Lines { get; set; } = [.. Enumerable.Range(0, LineRows).Select(_ => new LineForm())];
    }

    internal sealed class LineForm
    {
        public string? Description { get; set; }
        public string? Quantity { get; set; } = "1";
        public string? UnitPrice { get; set; }
    }
}
