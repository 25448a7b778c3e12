using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Scheduling;
using Portal.Modules.Invoicing.Contracts.Imports;

namespace Portal.Modules.Invoicing.Imports;

internal sealed class ProcessQueuedInvoiceImportsCommandHandler(
    IDatabase db, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ProcessQueuedInvoiceImportsCommandHandler> logger)
    : IRequestHandler<ProcessQueuedInvoiceImportsCommand, SweepResult>
{
    internal static readonly TimeSpan AbandonAfter = TimeSpan.FromHours(1);

    private static readonly string AbandonedErrors =
        JsonSerializer.Serialize(new[] { "the import was interrupted and nothing was imported; start it again" });

    public async Task<SweepResult> Handle(ProcessQueuedInvoiceImportsCommand command, CancellationToken ct)
    {
        // A host that died mid-import rolled its transaction back but left the import 'running'; say so instead of
        // showing it running forever. An import takes seconds, so one running for an hour is certainly dead.
        const string abandonSql = """
            update invoicing_imports set status = 'failed', rows_done = 0, errors = @Errors, finished_at = @Now
            where status = 'running' and started_at < @StaleBefore
            """;
        var now = clock.GetUtcNow();
        await db.ExecuteAsync(abandonSql, new { Errors = AbandonedErrors, Now = now, StaleBefore = now - AbandonAfter }, ct);

        const string sql = "select id from invoicing_imports where status = 'queued' order by created_at limit 20";
        var queued = await db.QueryAsync<Guid>(sql, ct: ct);
        int succeeded = 0, failed = 0;
        var errors = new List<string>();
        foreach (var importId in queued)
        {
            try
            {
                // Its own scope, so each import has its own connection and transaction.
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ProcessInvoiceImportCommand(importId), ct);
                if (result?.Status == "succeeded")
                    succeeded++;
                else
                {
                    failed++;
                    errors.Add($"import {importId}: {result?.Status ?? "missing"}");
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Invoice import {ImportId} could not be processed", importId);
                failed++;
                errors.Add($"import {importId}: {ex.Message}");
            }
        }
        return new SweepResult(queued.Count, succeeded, failed) { Errors = errors };
    }
}
