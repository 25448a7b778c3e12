using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.BuildingBlocks;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Payments.Contracts.Refunds;

namespace Portal.Host.Pages.Backoffice;

[Authorize(Policy = AuthPolicies.Staff)]
internal sealed class PaymentsModel(IMediator mediator) : PortalPage(mediator)
{
    public static readonly string[] Statuses = ["authorised", "pending", "refused", "error", "unknown", "cancelled"];

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Thru { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cursor { get; set; }

    public Page<BackofficePaymentDto> Payments { get; private set; } = new([], null);
    public IReadOnlyList<BackofficePaymentDto> Unknown { get; private set; } = [];
    public IReadOnlyDictionary<Guid, AccountDto> Accounts { get; private set; } = new Dictionary<Guid, AccountDto>();
    public (IReadOnlyList<BackofficePaymentDto>, IReadOnlyDictionary<Guid, AccountDto>, string) UnknownTable => (Unknown, Accounts, "Unknown outcomes");
    public (IReadOnlyList<BackofficePaymentDto>, IReadOnlyDictionary<Guid, AccountDto>, string) PaymentsTable => (Payments.Items, Accounts, "Payments");

    public async Task OnGetAsync()
    {
        await LoadUserAsync();
        var ct = HttpContext.RequestAborted;
        var status = Statuses.Contains(Status) ? Status : null;
        Payments = await Mediator.Send(new GetBackofficePaymentsQuery(From, Thru, status, 50, Cursor), ct);
        // Payments whose answer was lost wait here for the resolver (or a webhook), whatever the filter shows.
        Unknown = (await Mediator.Send(new GetBackofficePaymentsQuery(Status: "unknown", Limit: 50), ct)).Items;
        Accounts = await BackofficeAccounts.ByIdAsync(Mediator, Payments.Items.Concat(Unknown).Select(p => p.AccountId), ct);
    }
}
