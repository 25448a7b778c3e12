using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.BuildingBlocks;
using Portal.Host.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Payments.Contracts.Methods;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.Host.Pages;

/// <summary>
/// The pay page: choose, review, confirm. In test and live mode Adyen's card component collects the card and we receive
/// only its encrypted fields; in emulator mode a plain form stands in for it and sends the test_ fields the emulator
/// expects. Card fields are passed straight to the processor and never stored or logged.
/// </summary>
[Authorize]
internal sealed class PayModel(IMediator mediator, IConfiguration config) : PortalPage(mediator)
{
    public AdyenWebComponent? Adyen { get; } = AdyenWebComponent.From(config);

    // The account the form was shown for; the remembered-account cookie may name another one by now (a second tab).
    [BindProperty] public Guid? AccountId { get; set; }
    [BindProperty] public string IdempotencyKey { get; set; } = Guid.NewGuid().ToString("N");
    [BindProperty] public string Mode { get; set; } = "selected";
    [BindProperty] public List<Guid> Selected { get; set; } = [];
    [BindProperty] public string? AmountText { get; set; }
    [BindProperty] public string? MethodChoice { get; set; }
    [BindProperty] public string? CardNumber { get; set; }
    [BindProperty] public string? ExpiryMonth { get; set; }
    [BindProperty] public string? ExpiryYear { get; set; }
    [BindProperty] public string? Cvc { get; set; }
    [BindProperty] public string? HolderName { get; set; }
    [BindProperty] public string? EncryptedCardNumber { get; set; }
    [BindProperty] public string? EncryptedExpiryMonth { get; set; }
    [BindProperty] public string? EncryptedExpiryYear { get; set; }
    [BindProperty] public string? EncryptedSecurityCode { get; set; }
    [BindProperty] public string? BankAccountNumber { get; set; }
    [BindProperty] public string? RoutingNumber { get; set; }
    [BindProperty] public string? OwnerName { get; set; }
    [BindProperty] public bool SaveMethod { get; set; }

    public IReadOnlyList<InvoiceDto> Open { get; private set; } = [];
    public IReadOnlyList<PaymentMethodDto> Methods { get; private set; } = [];
    public string? Refusal { get; private set; }
    public string TotalText => Money.Dollars(Open.Where(i => Selected.Contains(i.InvoiceId)).Sum(i => i.Balance.Value - i.PendingPayments.Value)).ToString();

    // The component's script, styles, iframes and calls come from Adyen, so this page gets its own, still strict, policy.
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (Adyen is { } adyen)
            Response.Headers.ContentSecurityPolicy = adyen.ContentSecurityPolicy;
    }

    public async Task<IActionResult> OnGetAsync(Guid? invoice, Guid? account)
    {
        if (!await LoadAsync(account))
            return Redirect("/dashboard");
        Selected = invoice is { } one ? [one] : Open.Select(i => i.InvoiceId).Take(1).ToList();
        MethodChoice = Methods.FirstOrDefault(m => m.IsDefault) is { } saved ? $"saved:{saved.PaymentMethodId}" : "card";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // In test and live mode the page carries no plain card inputs: raw card fields here bypassed Adyen's component.
        if (Adyen is not null && new[] { CardNumber, ExpiryMonth, ExpiryYear, Cvc }.Any(f => !string.IsNullOrEmpty(f)))
            return BadRequest();
        if (AccountId is not { } formAccount)
            return BadRequest();
        var loaded = await LoadAsync(formAccount);
        // Not a member of the account the form names: as on every account route, its existence is not revealed.
        if (Account?.AccountId != formAccount)
            return NotFound();
        if (!loaded)
            return Redirect("/dashboard");
        var (amount, allocations) = Allocation();
        var method = Method();
        if (!ModelState.IsValid || method is null)
            return Page();
        try
        {
            // Not RequestAborted: a closed tab must not cut the charge off before its outcome is recorded.
            var payment = await Mediator.Send(new PayCommand(Account!.AccountId, User.UserKey(), IdempotencyKey, amount, allocations, method, SaveMethod),
                HttpContext.RequestServices.GetRequiredService<Infrastructure.ShutdownGuard>().Token);
            if (payment.Status is "refused" or "error")
            {
                Refusal = payment.RefusalReason ?? "The payment was refused.";
                return Fresh();
            }
            return Redirect($"/payments/{payment.PaymentId}?new=true");
        }
        catch (Exception ex) when (ex is FluentValidation.ValidationException or Portal.BuildingBlocks.Errors.BusinessRuleException or Portal.BuildingBlocks.Errors.ConflictException)
        {
            ModelState.AddModelError("", ex is FluentValidation.ValidationException v ? string.Join(" ", v.Errors.Select(e => e.ErrorMessage)) : ex.Message);
            return Fresh();
        }
    }

    // A refused or invalid attempt gets a new idempotency key, so the next try is a new payment, not a replay.
    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult Fresh()
    {
        IdempotencyKey = Guid.NewGuid().ToString("N");
        ModelState.Remove(nameof(IdempotencyKey));
        (CardNumber, Cvc, EncryptedCardNumber, EncryptedExpiryMonth, EncryptedExpiryYear, EncryptedSecurityCode) = (null, null, null, null, null, null);
        return Page();
    }

    private (Money Amount, IReadOnlyList<PaymentAllocationDto>? Allocations) Allocation()
    {
        if (Mode == "amount")
        {
            if (!MoneyText.TryCents(AmountText, out var cents) || cents <= 0)
                ModelState.AddModelError(nameof(AmountText), "Enter the amount to pay, like 125.50.");
            return (Money.Dollars(cents), null);
        }
        var allocations = new List<PaymentAllocationDto>();
        foreach (var id in Selected.Distinct())
        {
            if (!MoneyText.TryCents(Request.Form[$"Amount_{id}"], out var cents) || cents <= 0)
                ModelState.AddModelError("", "Enter a positive amount for each selected invoice.");
            else
                allocations.Add(new PaymentAllocationDto(id, Money.Dollars(cents)));
        }
        if (allocations.Count == 0)
            ModelState.AddModelError("", "Select at least one invoice, or choose to pay an amount.");
        return (Money.Dollars(allocations.Sum(a => a.Amount.Value)), allocations);
    }

    private PaymentMethodInputDto? Method()
    {
        static string Test(string? value) => $"test_{value?.Replace(" ", "")}";
        switch (MethodChoice)
        {
            case { } saved when saved.StartsWith("saved:") && Guid.TryParse(saved[6..], out var id):
                return new PaymentMethodInputDto { StoredPaymentMethodId = id };
            case "card" when Adyen is null:
                return new PaymentMethodInputDto { Type = "scheme", EncryptedCardNumber = Test(CardNumber), EncryptedExpiryMonth = Test(ExpiryMonth?.PadLeft(2, '0')),
                    EncryptedExpiryYear = Test(ExpiryYear), EncryptedSecurityCode = Test(Cvc), HolderName = HolderName };
            case "card" when new[] { EncryptedCardNumber, EncryptedExpiryMonth, EncryptedExpiryYear, EncryptedSecurityCode }.All(f => !string.IsNullOrWhiteSpace(f)):
                return new PaymentMethodInputDto { Type = "scheme", EncryptedCardNumber = EncryptedCardNumber, EncryptedExpiryMonth = EncryptedExpiryMonth,
                    EncryptedExpiryYear = EncryptedExpiryYear, EncryptedSecurityCode = EncryptedSecurityCode, HolderName = HolderName };
            case "card":
                ModelState.AddModelError("", "Enter your card in the secure card form.");
                return null;
            case "ach":
                return new PaymentMethodInputDto { Type = "ach", BankAccountNumber = BankAccountNumber, BankLocationId = RoutingNumber, OwnerName = OwnerName };
            default:
                ModelState.AddModelError("", "Choose how to pay.");
                return null;
        }
    }

    private async Task<bool> LoadAsync(Guid? account)
    {
        await LoadUserAsync(account);
        if (Account is null || Account.Role < AccountRole.Accounting)
            return false;
        Open = (await Mediator.Send(new GetOpenInvoicesQuery(Account.AccountId), HttpContext.RequestAborted))
            .Where(i => i.Balance.Value > i.PendingPayments.Value).ToList();
        Methods = await Mediator.Send(new GetPaymentMethodsQuery(Account.AccountId), HttpContext.RequestAborted);
        return true;
    }
}
