using FluentValidation;
using MediatR;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.BuildingBlocks.Messaging;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Modules.Invoicing.Invoices;

internal sealed class CreateInvoiceCommandValidator : AbstractValidator<CreateInvoiceCommand>
{
    public CreateInvoiceCommandValidator()
    {
        RuleFor(c => c.AccountId).NotEmpty();
        RuleFor(c => c.InvoiceNumber).Must(Invoice.IsValidNumber)
            .WithMessage("Invoice number is required: up to 40 letters, digits, '-', '_', '.' or '/'.");
        RuleFor(c => c.DueDate).GreaterThanOrEqualTo(c => c.InvoiceDate).WithMessage("Due date may not be before the invoice date.");
        RuleFor(c => c.Lines).NotNull().NotEmpty().WithMessage("An invoice needs at least one line.")
            .Must(lines => lines is null || lines.Count <= 500).WithMessage("An invoice may have at most 500 lines.");
        RuleForEach(c => c.Lines).NotNull().ChildRules(line =>
        {
            line.RuleFor(l => l.Description).NotEmpty().MaximumLength(500);
            line.RuleFor(l => l.Quantity).GreaterThan(0).LessThanOrEqualTo(Invoice.MaxQuantity)
                .Must(Invoice.HasAtMostFourDecimals).WithMessage("Quantity may have at most 4 decimal places.");
            line.RuleFor(l => l.UnitPrice.Currency).Equal(Money.Usd).WithMessage("Only USD is supported.");
            line.RuleFor(l => l.UnitPrice.Value).InclusiveBetween(0, Invoice.MaxUnitPriceMinor)
                .WithMessage("Unit price must be between 0 and 100,000,000.00.");
        });
    }
}

internal sealed class CreateInvoiceCommandHandler(IDatabase db, IOutbox outbox, IMediator mediator, TimeProvider clock)
    : IRequestHandler<CreateInvoiceCommand, CreatedInvoiceDto>
{
    public async Task<CreatedInvoiceDto> Handle(CreateInvoiceCommand command, CancellationToken ct)
    {
        if (await mediator.Send(new GetAccountQuery(command.AccountId), ct) is null)
            throw new NotFoundException($"Account {command.AccountId} does not exist.");

        var now = clock.GetUtcNow();
        var invoice = Invoice.Create(
            command.AccountId, command.InvoiceNumber, command.InvoiceDate, command.DueDate, command.PostAt, command.AllowPartialPayment,
            command.Lines.Select(l => (l.Description, l.Quantity, l.UnitPrice.Value)), now);
        await InvoiceWriter.InsertAsync(db, [invoice], now, ct);
        if (invoice.Status == InvoiceStatus.Open)
            outbox.Add(invoice.PostedEvent());
        return new CreatedInvoiceDto(invoice.Id, invoice.Status);
    }
}
