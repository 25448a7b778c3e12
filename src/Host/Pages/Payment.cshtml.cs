using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.Host.Pages;

[Authorize]
internal sealed class PaymentModel(IMediator mediator) : PortalPage(mediator)
{
    public PaymentDto Payment { get; private set; } = null!;

    public Dictionary<Guid, string> Numbers { get; } = [];

    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid paymentId, bool @new)
    {
        await LoadUserAsync();
        if (Account is null || Account.Role < AccountRole.Accounting
            || await Mediator.Send(new GetPaymentQuery(Account.AccountId, paymentId), HttpContext.RequestAborted) is not { } payment)
            return NotFound();
        Payment = payment;
        IsNew = @new;
        foreach (var allocation in payment.Allocations)
            if (await Mediator.Send(new GetInvoiceQuery(Account.AccountId, allocation.InvoiceId), HttpContext.RequestAborted) is { } invoice)
                Numbers[allocation.InvoiceId] = invoice.InvoiceNumber;
        return Page();
    }
}
