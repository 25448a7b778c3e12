using MediatR;
using Portal.BuildingBlocks;
using Portal.Host.Infrastructure;
using Portal.Modules.Payments.Contracts.Methods;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.Host.Api.Payments;

internal static class PaymentsEndpoints
{
    public static void MapPaymentsEndpoints(this RouteGroupBuilder api)
    {
        var account = api.MapGroup("/accounts/{accountId:guid}").RequireAccount(AccountPermission.Billing);

        account.MapPost("/payments", async (Guid accountId, PayRequest body, HttpContext http, IMediator mediator, ShutdownGuard shutdown) =>
        {
            var key = http.Request.Headers["Idempotency-Key"].ToString();
            if (key.Length is 0 or > 64)
                return Results.ValidationProblem(new Dictionary<string, string[]>
                    { ["Idempotency-Key"] = ["Send an Idempotency-Key header of 1 to 64 characters, new for each payment."] });
            if (body.Amount is not { } amount || body.PaymentMethod is not { } method)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["amount"] = ["Send an amount and a paymentMethod."] });
            // Not the request's token: once charging, the payment finishes its outcome step even if the caller hangs up.
            var payment = await mediator.Send(new PayCommand(accountId, http.User.UserKey(), key, amount, body.Allocations, method,
                body.SavePaymentMethod ?? false), shutdown.Token);
            return Results.Created($"/api/accounts/{accountId}/payments/{payment.PaymentId}", payment);
        }).Produces<PaymentDto>(StatusCodes.Status201Created);

        account.MapGet("/payments", async (Guid accountId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new GetPaymentsQuery(accountId, limit, cursor), ct)));

        account.MapGet("/payments/{paymentId:guid}", async (Guid accountId, Guid paymentId, IMediator mediator, CancellationToken ct) =>
            await mediator.Send(new GetPaymentQuery(accountId, paymentId), ct) is { } payment
                ? Results.Ok(payment)
                : Results.Problem(statusCode: 404, title: "Not found.", detail: "There is no such payment."))
            .Produces<PaymentDto>();

        account.MapGet("/payment-methods", async (Guid accountId, IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new GetPaymentMethodsQuery(accountId), ct)));

        account.MapPut("/payment-methods/{paymentMethodId:guid}/default", async (Guid accountId, Guid paymentMethodId, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new SetDefaultPaymentMethodCommand(accountId, paymentMethodId), ct);
            return Results.NoContent();
        });

        account.MapDelete("/payment-methods/{paymentMethodId:guid}", async (Guid accountId, Guid paymentMethodId, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new DeletePaymentMethodCommand(accountId, paymentMethodId), ct);
            return Results.NoContent();
        });
    }

    private sealed record PayRequest(Money? Amount, IReadOnlyList<PaymentAllocationDto>? Allocations, PaymentMethodInputDto? PaymentMethod, bool? SavePaymentMethod);
}
