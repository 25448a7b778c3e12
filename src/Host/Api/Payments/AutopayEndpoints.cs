using MediatR;
using Portal.BuildingBlocks;
using Portal.Host.Infrastructure;
using Portal.Modules.Payments.Contracts.Autopay;

namespace Portal.Host.Api.Payments;

internal static class AutopayEndpoints
{
    public static void MapAutopayEndpoints(this RouteGroupBuilder api)
    {
        var account = api.MapGroup("/accounts/{accountId:guid}/autopay").RequireAccount(AccountPermission.Billing);

        account.MapGet("", async (Guid accountId, IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new GetAutopayQuery(accountId), ct)));

        account.MapPut("", async (Guid accountId, AutopayRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
        {
            if (body.Enabled is not { } enabled)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["enabled"] = ["Say true or false."] });
            await mediator.Send(new SetAutopayCommand(accountId, enabled, body.PaymentMethodId, http.User.UserKey(), body.ChargeOn, body.MaxAmount), ct);
            return Results.NoContent();
        });

        account.MapPost("/skips", async (Guid accountId, SkipRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
        {
            if (body.InvoiceId is not { } invoiceId)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["invoiceId"] = ["Name the invoice to skip."] });
            await mediator.Send(new SkipAutopayInvoiceCommand(accountId, invoiceId, http.User.UserKey()), ct);
            return Results.NoContent();
        });
    }

    private sealed record AutopayRequest(bool? Enabled, Guid? PaymentMethodId, string? ChargeOn, Money? MaxAmount);

    private sealed record SkipRequest(Guid? InvoiceId);
}
