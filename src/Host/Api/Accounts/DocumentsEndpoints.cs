using MediatR;
using Portal.Host.Documents;
using Portal.Host.Infrastructure;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Invoicing.Contracts.Statements;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.Host.Api.Accounts;

/// <summary>PDF invoices, receipts and statements: composes Identity's account with Invoicing's and Payments' records.</summary>
internal static class DocumentsEndpoints
{
    private const string Pdf = "application/pdf";

    public static void MapDocumentsEndpoints(this RouteGroupBuilder api)
    {
        var account = api.MapGroup("/accounts/{accountId:guid}").RequireAccount(AccountPermission.Billing);

        account.MapGet("/invoices/{invoiceId:guid}/pdf", async (Guid accountId, Guid invoiceId, IMediator mediator, BusinessProfile business, CancellationToken ct) =>
            await mediator.Send(new GetInvoiceQuery(accountId, invoiceId), ct) is { } invoice
                && await mediator.Send(new GetAccountQuery(accountId), ct) is { } owner
                ? File(InvoicePdf.Render(business, owner, invoice), $"invoice-{invoice.InvoiceNumber}.pdf")
                : NotFound("There is no such invoice."));

        account.MapGet("/payments/{paymentId:guid}/receipt", async (Guid accountId, Guid paymentId, IMediator mediator, BusinessProfile business, CancellationToken ct) =>
        {
            if (await mediator.Send(new GetPaymentQuery(accountId, paymentId), ct) is not { } payment
                || await mediator.Send(new GetAccountQuery(accountId), ct) is not { } owner)
                return NotFound("There is no such payment.");
            if (!ReceiptPdf.WithReceipt.Contains(payment.Status))
                return NotFound("This payment did not go through, so it has no receipt.");
            var numbers = new Dictionary<Guid, string>();
            foreach (var allocation in payment.Allocations)
                if (await mediator.Send(new GetInvoiceQuery(accountId, allocation.InvoiceId), ct) is { } invoice)
                    numbers[allocation.InvoiceId] = invoice.InvoiceNumber;
            return File(ReceiptPdf.Render(business, owner, payment, numbers), $"receipt-{DocumentWords.PaymentReference(paymentId)}.pdf");
        });

        account.MapGet("/statement", async (Guid accountId, DateOnly? from, DateOnly? thru, IMediator mediator, BusinessProfile business,
            TimeProvider clock, CancellationToken ct) =>
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var end = thru ?? today;
            var start = from ?? new DateOnly(end.Year, end.Month, 1).AddMonths(-2);
            var statement = await mediator.Send(new GetStatementQuery(accountId, start, end), ct);
            return await mediator.Send(new GetAccountQuery(accountId), ct) is { } owner
                ? File(StatementPdf.Render(business, owner, statement), $"statement-{owner.AccountNumber}-{start:yyyy-MM-dd}-{end:yyyy-MM-dd}.pdf")
                : NotFound("There is no such account.");
        });
    }

    private static IResult File(byte[] pdf, string name) => Results.File(pdf, Pdf, name);

    private static IResult NotFound(string detail) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: detail);
}
