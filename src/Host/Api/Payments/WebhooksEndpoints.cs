using MediatR;
using Portal.Modules.Payments.Contracts.Webhooks;

namespace Portal.Host.Api.Payments;

internal static class WebhooksEndpoints
{
    private const int MaxBody = 256 * 1024;

    public static void MapWebhooksEndpoints(this RouteGroupBuilder api) =>
        api.MapPost("/webhooks/adyen", async (HttpRequest request, IMediator mediator, CancellationToken ct) =>
        {
            if (request.ContentLength > MaxBody)
                return Results.Problem(statusCode: 413, title: "Too large.", detail: "A notification is far smaller than this.");
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(ct);
            var receipt = await mediator.Send(new ReceiveAdyenWebhookCommand(body, request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null), ct);
            return receipt.Outcome switch
            {
                // Adyen accepts any 2xx; the literal body also satisfies integrations that still check it.
                WebhookOutcome.Accepted => Results.Text("[accepted]", "text/plain"),
                WebhookOutcome.Unauthorized => Results.Problem(statusCode: 401, title: "Unauthorized.", detail: "Credentials or signature are not right."),
                _ => Results.Problem(statusCode: 400, title: "The request could not be read.", detail: "Not an Adyen notification."),
            };
        }).DisableAntiforgery();
}
