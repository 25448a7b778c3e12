using MediatR;
using Portal.Modules.Invoicing.Contracts.Imports;
using Portal.Modules.Invoicing.Contracts.Reports;

namespace Portal.Host.Api.Invoicing;

internal static class BackofficeImportsEndpoints
{
    private const long MaxCsvBytes = 50L * 1024 * 1024;

    public static void MapBackofficeImportsEndpoints(this RouteGroupBuilder api)
    {
        var backoffice = api.MapGroup("/backoffice").RequireAuthorization(AuthPolicies.Staff);

        backoffice.MapPost("/invoices/import", async (HttpRequest request, IMediator mediator, ImportRunner runner, CancellationToken ct) =>
        {
            if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "text/csv", StringComparison.OrdinalIgnoreCase))
                return Results.Problem(statusCode: 415, title: "The request could not be read.", detail: "Send the invoices as text/csv.");
            if (request.ContentLength > MaxCsvBytes)
                return Results.Problem(statusCode: 413, title: "Too large.", detail: "A CSV file may be at most 50 MB; split it.");
            using var reader = new StreamReader(request.Body);
            var importId = await mediator.Send(new StartInvoiceImportCommand(await reader.ReadToEndAsync(ct)), ct);
            runner.Start(importId);
            return Results.Accepted($"/api/backoffice/imports/{importId}", new { importId });
        }).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxCsvBytes));

        backoffice.MapGet("/imports/{importId:guid}", async (Guid importId, IMediator mediator, CancellationToken ct) =>
            await mediator.Send(new GetInvoiceImportQuery(importId), ct) is { } import
                ? Results.Ok(import)
                : Results.Problem(statusCode: 404, title: "Not found.", detail: "There is no such import."));

        backoffice.MapGet("/reports/aging", async (DateOnly? asOf, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new GetAgingReportQuery(asOf ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), ct)));
    }
}

/// <summary>Starts an accepted import at once in the background; the invoice-import job picks up any that a restart interrupts.</summary>
internal sealed class ImportRunner(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<ImportRunner> logger)
{
    public void Start(Guid importId) => _ = Task.Run(async () =>
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ProcessInvoiceImportCommand(importId), lifetime.ApplicationStopping);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Import {ImportId} failed to run; the invoice-import job will retry it", importId);
        }
    });
}
