using MediatR;
using Portal.BuildingBlocks;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Host.Api.Invoicing;

internal static class BackofficeInvoicesEndpoints
{
    public static void MapBackofficeInvoicesEndpoints(this RouteGroupBuilder api)
    {
        var invoices = api.MapGroup("/backoffice/invoices").RequireAuthorization(AuthPolicies.Staff);

        invoices.MapPost("", async (CreateInvoiceRequest body, IMediator mediator, CancellationToken ct) =>
        {
            var lines = (body.Lines ?? []).Select(l => new InvoiceLineInputDto(l.Description ?? "", l.Quantity ?? 0, l.UnitPrice ?? Money.Zero())).ToList();
            var created = await mediator.Send(new CreateInvoiceCommand(body.AccountId ?? Guid.Empty, body.InvoiceNumber ?? "",
                body.InvoiceDate ?? default, body.DueDate ?? default, body.PostAt, lines, body.AllowPartialPayment ?? true), ct);
            return Results.Created($"/api/backoffice/invoices/{created.InvoiceId}", created);
        });

        invoices.MapGet("", async (Guid? accountId, string? status, DateOnly? from, DateOnly? thru, int? limit, string? cursor,
            IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new GetBackofficeInvoicesQuery(accountId, status, from, thru, limit, cursor), ct)));

        invoices.MapPost("/{invoiceId:guid}/void", async (Guid invoiceId, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new VoidInvoiceCommand(invoiceId), ct);
            return Results.NoContent();
        });
    }

    private sealed record CreateInvoiceRequest(Guid? AccountId, string? InvoiceNumber, DateOnly? InvoiceDate, DateOnly? DueDate,
        DateTimeOffset? PostAt, bool? AllowPartialPayment, IReadOnlyList<LineRequest>? Lines);

    private sealed record LineRequest(string? Description, decimal? Quantity, Money? UnitPrice);
}
