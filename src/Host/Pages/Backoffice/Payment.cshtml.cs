using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.BuildingBlocks;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Payments.Contracts.Payments;
using Portal.Modules.Payments.Contracts.Refunds;

namespace Portal.Host.Pages.Backoffice;

[Authorize(Policy = AuthPolicies.Staff)]
internal sealed class PaymentModel(IMediator mediator) : PortalPage(mediator)
{
    [BindProperty] public string? Amount { get; set; }

    /// <summary>Made at "Review" and carried by the confirm form, so a double click or a resent form refunds once.</summary>
    [BindProperty] public string? RefundKey { get; set; }

    public BackofficePaymentDetailDto Detail { get; private set; } = null!;
    public PaymentDto? Payment { get; private set; }
    public AccountDto? Customer { get; private set; }

    /// <summary>Set after "Review": the amount finance is asked to confirm.</summary>
    public Money? ToConfirm { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid paymentId, string? done)
    {
        Notice = done == "refunded" ? "The refund was sent to the processor." : null;
        return await LoadAsync(paymentId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid paymentId)
    {
        if (!await LoadAsync(paymentId))
            return NotFound();
        if (ParseAmount() is { } amount)
        {
            ToConfirm = amount;
            RefundKey = $"page-{Guid.NewGuid():N}";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRefundAsync(Guid paymentId)
    {
        if (ParseAmount() is { } amount && await TrySendAsync(new RefundPaymentCommand(paymentId, amount, RefundKey)))
            return Redirect($"/backoffice/payments/{paymentId}?done=refunded");
        return await LoadAsync(paymentId) ? Page() : NotFound();
    }

    private Money? ParseAmount()
    {
        if (MoneyText.TryCents(Amount, out var cents) && cents > 0)
            return Money.Dollars(cents);
        ModelState.AddModelError(nameof(Amount), "Enter the amount to refund in dollars, like 25.00.");
        return null;
    }

    private async Task<bool> LoadAsync(Guid paymentId)
    {
        await LoadUserAsync();
        var ct = HttpContext.RequestAborted;
        if (await Mediator.Send(new GetBackofficePaymentQuery(paymentId), ct) is not { } detail)
            return false;
        Detail = detail;
        Payment = await Mediator.Send(new GetPaymentQuery(detail.Payment.AccountId, paymentId), ct);
        Customer = await Mediator.Send(new GetAccountQuery(detail.Payment.AccountId), ct);
        return true;
    }
}
