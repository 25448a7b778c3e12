using MediatR;
using Portal.Host.Infrastructure;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Payments.Contracts.Autopay;

namespace Portal.Host.Api.Accounts;

internal static class SummaryEndpoints
{
    // Composes Invoicing's balance with Payments' autopay state and plan for the dashboard.
    public static void MapSummaryEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/accounts/{accountId:guid}/summary", async (Guid accountId, IMediator mediator, CancellationToken ct) =>
        {
            var balance = await mediator.Send(new GetAccountBalanceQuery(accountId), ct);
            var autopay = await mediator.Send(new GetAutopayQuery(accountId), ct);
            var plan = autopay.Enabled ? await mediator.Send(new GetAutopayPlanQuery(accountId), ct) : null;
            var next = plan?.Charges.FirstOrDefault();
            return Results.Ok(new
            {
                balance.OpenBalance, balance.OverdueBalance, balance.PendingPayments, balance.NextDueDate,
                autopay = new
                {
                    autopay.Enabled, autopay.PaymentMethodId, autopay.ChargeOn, autopay.MaxAmount,
                    nextCharge = next is null ? null : new
                    {
                        next.InvoiceId, next.InvoiceNumber, date = next.ChargeOn, amount = next.Amount,
                        method = new { brand = plan!.MethodBrand, last4 = plan.MethodLast4 },
                    },
                },
            });
        }).RequireAccount(AccountPermission.Billing);
}
