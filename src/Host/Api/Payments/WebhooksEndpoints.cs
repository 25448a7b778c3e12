using System.Text;
using MediatR;
using Microsoft.AspNetCore.Http.Features;
using Portal.Modules.Payments.Contracts.Webhooks;

namespace Portal.Host.Api.Payments;

internal static class WebhooksEndpoints
{
    private const int MaxBody = 256 * 1024;

    public static void MapWebhooksEndpoints(this RouteGroupBuilder api) =>
        api.MapPost("/webhooks/adyen", async (HttpRequest request, IMediator mediator, CancellationToken ct) =>
        {
            // Credentials first: a caller without them never gets us to read (or buffer) a byte of its body.
            var authorization = request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null;
            if (!await mediator.Send(new CheckAdyenWebhookCredentialsQuery(authorization), ct))
                return Unauthorized();
            if (request.ContentLength > MaxBody)
                return TooLarge();
            if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = MaxBody + 1;
            // A chunked body has no Content-Length: the limit is enforced while reading.
            if (await ReadAtMostAsync(request.Body, MaxBody, ct) is not { } body)
                return TooLarge();
            var receipt = await mediator.Send(new ReceiveAdyenWebhookCommand(body, authorization), ct);
            return receipt.Outcome switch
            {
                // Adyen accepts any 2xx; the literal body also satisfies integrations that still check it.
                WebhookOutcome.Accepted => Results.Text("[accepted]", "text/plain"),
                WebhookOutcome.Unauthorized => Unauthorized(),
                _ => Results.Problem(statusCode: 400, title: "The request could not be read.", detail: "Not an Adyen notification."),
            };
        }).DisableAntiforgery();

    private static async Task<string?> ReadAtMostAsync(Stream body, int max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static IResult Unauthorized() =>
        Results.Problem(statusCode: 401, title: "Unauthorized.", detail: "Credentials or signature are not right.");

    private static IResult TooLarge() =>
        Results.Problem(statusCode: 413, title: "Too large.", detail: "A notification is far smaller than this.");
}
