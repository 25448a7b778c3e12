using MediatR;
using Portal.BuildingBlocks;
using Portal.Modules.Payments.Contracts.Refunds;

namespace Portal.Host.Api.Payments;

internal static class BackofficePaymentsEndpoints
{
    public static void MapBackofficePaymentsEndpoints(this RouteGroupBuilder api)
    {
        var payments = api.MapGroup("/backoffice/payments").RequireAuthorization(AuthPolicies.Staff);

        payments.MapGet("", async (DateOnly? from, DateOnly? thru, string? status, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new GetBackofficePaymentsQuery(from, thru, status, limit, cursor), ct)));

        payments.MapPost("/{paymentId:guid}/refunds", async (Guid paymentId, RefundRequest body, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            if (body.Amount is not { } amount)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["amount"] = ["Send the amount to refund."] });
            // Optional, so existing callers keep working; with it, a repeated request refunds once (the payment rules).
            var key = http.Request.Headers.TryGetValue("Idempotency-Key", out var sent) ? sent.ToString() : null;
            if (key is { Length: 0 or > 64 })
                return Results.ValidationProblem(new Dictionary<string, string[]>
                    { ["Idempotency-Key"] = ["An Idempotency-Key header, when sent, has 1 to 64 characters."] });
            var refund = await mediator.Send(new RefundPaymentCommand(paymentId, amount, key), ct);
            return Results.Accepted($"/api/backoffice/payments/{paymentId}", new { refund.RefundId, refund.Status, refund.Amount });
        });
    }

    public static void MapReconciliationEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/backoffice/reports/reconciliation", async (DateOnly? from, DateOnly? thru, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var (start, end) = (from ?? today.AddDays(-30), thru ?? today);
            if (end < start || end.DayNumber - start.DayNumber > 366)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["thru"] = ["Choose a range of at most a year, with thru on or after from."] });
            return Results.Ok(await mediator.Send(new GetReconciliationReportQuery(start, end), ct));
        }).RequireAuthorization(AuthPolicies.Staff);

    private sealed record RefundRequest(Money? Amount);
}
