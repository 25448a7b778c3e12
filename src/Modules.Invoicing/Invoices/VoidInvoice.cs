using FluentValidation;
using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.BuildingBlocks.Messaging;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Modules.Invoicing.Invoices;

internal sealed class VoidInvoiceCommandHandler(IDatabase db, IOutbox outbox, TimeProvider clock) : AsyncRequestHandler<VoidInvoiceCommand>
{
    protected override async Task Handle(VoidInvoiceCommand command, CancellationToken ct)
    {
        // One conditional update decides, so a payment placed at the same moment either blocks the void or finds the invoice void.
        const string voidSql = """
            update invoicing_invoices set status = 'void', voided_at = @Now
            where id = @InvoiceId and status <> 'void' and held_minor = 0 and balance_minor = total_minor
              and not exists (select 1 from invoicing_holds h where h.invoice_id = invoicing_invoices.id and h.status <> 'released')
            returning account_id
            """;
        var voided = await db.QueryAsync<Guid>(voidSql, new { command.InvoiceId, Now = clock.GetUtcNow() }, ct);
        if (voided.Count == 1)
        {
            outbox.Add(new InvoiceVoidedEvent(command.InvoiceId, voided[0]));
            return;
        }

        var status = await db.QuerySingleOrDefaultAsync<string>(
            "select status from invoicing_invoices where id = @InvoiceId", new { command.InvoiceId }, ct);
        if (status is null)
            throw new NotFoundException($"Invoice {command.InvoiceId} does not exist.");
        if (status != InvoiceStatus.Void)
            throw new BusinessRuleException("invoice_has_payments", "The invoice has payments applied or pending and cannot be voided.");
    }
}

internal sealed class VoidInvoiceCommandValidator : AbstractValidator<VoidInvoiceCommand>
{
    public VoidInvoiceCommandValidator() => RuleFor(c => c.Reason).MaximumLength(500);
}
