using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Host.Audit;
using Portal.Host.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Identity.Contracts.Invitations;
using Portal.Modules.Identity.Contracts.Members;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Payments.Contracts.Autopay;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.Host.Pages.Backoffice;

[Authorize(Policy = AuthPolicies.Staff)]
internal sealed class AccountModel(IMediator mediator, AuditLog audit) : PortalPage(mediator)
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? BillingEmail { get; set; }

    [BindProperty]
    public string? TimeZone { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public AccountRole Role { get; set; } = AccountRole.Accounting;

    public AccountDto Customer { get; private set; } = null!;

    public IReadOnlyList<AccountUserDto> Members { get; private set; } = [];

    public IReadOnlyList<AccountInvitationDto> Invitations { get; private set; } = [];

    public AccountBalanceDto Balance { get; private set; } = null!;

    public IReadOnlyList<BackofficeInvoiceDto> Invoices { get; private set; } = [];

    public IReadOnlyList<PaymentDto> Payments { get; private set; } = [];

    public AutopayPlanDto Autopay { get; private set; } = null!;

    public IReadOnlyList<AuditEntryDto> History { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid accountId, string? done)
    {
        if (!await LoadAsync(accountId))
            return NotFound();
        (Name, BillingEmail, TimeZone) = (Customer.Name, Customer.BillingEmail, Customer.TimeZone);
        Notice = done switch { "saved" => "The account was saved.", "invited" => "The invitation is on its way.", _ => null };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid accountId) =>
        ActAsync(accountId, new UpdateAccountCommand(accountId, Name ?? "", BillingEmail ?? "", TimeZone ?? ""), "saved");

    public Task<IActionResult> OnPostInviteAsync(Guid accountId) =>
        ActAsync(accountId, new InviteUserCommand(accountId, Email ?? "", Role, User.UserKey()), "invited");

    private async Task<IActionResult> ActAsync<T>(Guid accountId, IRequest<T> command, string done)
    {
        if (await TrySendAsync(command))
            return Redirect($"/backoffice/accounts/{accountId}?done={done}");
        return await LoadAsync(accountId) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid accountId)
    {
        await LoadUserAsync();
        var ct = HttpContext.RequestAborted;
        if (await Mediator.Send(new GetAccountQuery(accountId), ct) is not { } customer)
            return false;
        Customer = customer;
        Members = await Mediator.Send(new GetAccountUsersQuery(accountId), ct);
        Invitations = await Mediator.Send(new GetAccountInvitationsQuery(accountId), ct);
        Balance = await Mediator.Send(new GetAccountBalanceQuery(accountId), ct);
        Invoices = (await Mediator.Send(new GetBackofficeInvoicesQuery(accountId, Limit: 20), ct)).Items;
        Payments = (await Mediator.Send(new GetPaymentsQuery(accountId, 20), ct)).Items;
        Autopay = await Mediator.Send(new GetAutopayPlanQuery(accountId), ct);
        History = await audit.ForAccountAsync(accountId, 50, ct);
        return true;
    }
}
