using MediatR;
using Portal.Host.Infrastructure;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Host.Api.Accounts;

internal static class SummaryEndpoints
{
    // Composes modules for the dashboard; the autopay state joins when autopay exists (issue 6).
    public static void MapSummaryEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/accounts/{accountId:guid}/summary", async (Guid accountId, IMediator mediator, CancellationToken ct) =>
        {
            var balance = await mediator.Send(new GetAccountBalanceQuery(accountId), ct);
            return Results.Ok(new
            {
                balance.OpenBalance, balance.OverdueBalance, balance.PendingPayments, balance.NextDueDate,
                autopay = new { enabled = false },
            });
        }).RequireAccount(AccountPermission.Billing);
}
