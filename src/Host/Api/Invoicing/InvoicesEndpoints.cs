using MediatR;
using Portal.Host.Infrastructure;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Host.Api.Invoicing;

internal static class InvoicesEndpoints
{
    public static void MapInvoicesEndpoints(this RouteGroupBuilder api)
    {
        var account = api.MapGroup("/accounts/{accountId:guid}").RequireAccount(AccountPermission.Billing);

        account.MapGet("/invoices", async (Guid accountId, DateOnly? from, DateOnly? thru, string? status, int? limit, string? cursor,
            IMediator mediator, CancellationToken ct) =>
        {
            if (!TryFilter(status, out var filter))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Status must be open, paid or all."] });
            return Results.Ok(await mediator.Send(new GetInvoicesQuery(accountId, from, thru, filter, limit, cursor), ct));
        });

        account.MapGet("/invoices/{invoiceId:guid}", async (Guid accountId, Guid invoiceId, IMediator mediator, CancellationToken ct) =>
            await mediator.Send(new GetInvoiceQuery(accountId, invoiceId), ct) is { } invoice
                ? Results.Ok(invoice)
                : Results.Problem(statusCode: 404, title: "Not found.", detail: "There is no such invoice."));
    }

    public static bool TryFilter(string? status, out InvoiceStatusFilter filter)
    {
        filter = InvoiceStatusFilter.Open;
        return status is null || Enum.TryParse(status, ignoreCase: true, out filter) && Enum.IsDefined(filter);
    }
}
