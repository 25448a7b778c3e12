using MediatR;
using Portal.Host.Infrastructure;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Payments.Contracts.Autopay;

namespace Portal.Host.Api.Accounts;

internal static class SummaryEndpoints
{
    // Composes Invoicing's balance with Payments' autopay state for the dashboard.
    public static void MapSummaryEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/accounts/{accountId:guid}/summary", async (Guid accountId, IMediator mediator, CancellationToken ct) =>
        {
            var balance = await mediator.Send(new GetAccountBalanceQuery(accountId), ct);
            var autopay = await mediator.Send(new GetAutopayQuery(accountId), ct);
            return Results.Ok(new
            {
                balance.OpenBalance, balance.OverdueBalance, balance.PendingPayments, balance.NextDueDate,
                autopay,
            });
        }).RequireAccount(AccountPermission.Billing);
}
