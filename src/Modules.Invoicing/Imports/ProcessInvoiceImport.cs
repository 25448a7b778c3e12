using System.Text.Json;
using Dapper;
using MediatR;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Invoicing.Contracts.Imports;

namespace Portal.Modules.Invoicing.Imports;

// Checks the whole file first, then imports it in one transaction, so a bad row never leaves half a file behind.
internal sealed class ProcessInvoiceImportCommandHandler(
    IDatabase db, IMediator mediator, ImportProgress progress, TimeProvider clock, ILogger<ProcessInvoiceImportCommandHandler> logger,
    InvoicingMetrics metrics)
    : IRequestHandler<ProcessInvoiceImportCommand, InvoiceImportDto?>
{
    public async Task<InvoiceImportDto?> Handle(ProcessInvoiceImportCommand command, CancellationToken ct)
    {
        // Claiming the queued import makes a second or concurrent run a no-op.
        const string claimSql = """
            update invoicing_imports set status = 'running', started_at = @Now
            where id = @ImportId and status = 'queued'
            returning csv
            """;
        var csv = (await db.QueryAsync<string>(claimSql, new { command.ImportId, Now = clock.GetUtcNow() }, ct)).SingleOrDefault();
        if (csv is null)
            return await mediator.Send(new GetInvoiceImportQuery(command.ImportId), ct);

        progress.Report(command.ImportId, 0);
        try
        {
            var (rows, errors) = ImportFile.ReadRows(Csv.Parse(csv));
            var rowsTotal = rows.Count + errors.Count;
            await db.ExecuteAsync("update invoicing_imports set rows_total = @RowsTotal where id = @ImportId", new { command.ImportId, RowsTotal = rowsTotal }, ct);
            if (rowsTotal == 0)
                errors = ["the file has no rows"];
            else if (rowsTotal > ImportFile.MaxRows)
                errors = [$"the file has {rowsTotal} rows; at most {ImportFile.MaxRows} are allowed"];

            var accounts = await mediator.Send(new GetAccountsByNumberQuery(rows.Select(r => r.AccountNumber).Distinct().ToList()), ct);
            var taken = await TakenNumbersAsync(rows.Select(r => r.InvoiceNumber).Distinct().ToList(), ct);
            errors = ImportFile.ByLine([.. errors, .. ImportFile.CheckInvoices(rows, accounts.Select(a => a.AccountNumber).ToHashSet(), taken)]);
            if (errors.Count > 0)
                return await FailAsync(command.ImportId, errors, ct);

            var accountIds = accounts.ToDictionary(a => a.AccountNumber, a => a.AccountId);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await mediator.Send(new ImportInvoicesCommand(command.ImportId, rows, accountIds), ct);
            metrics.Imported(rows.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Invoice import {ImportId} failed", command.ImportId);
            // A number taken since the check is the finance user's to fix; anything else is ours, and its details stay in the log.
            var reason = ex is ConflictException ? ex.Message : "an unexpected error occurred";
            return await FailAsync(command.ImportId, [$"the import failed and nothing was imported: {reason}"], ct);
        }
        finally
        {
            progress.Finish(command.ImportId);
        }
        return await mediator.Send(new GetInvoiceImportQuery(command.ImportId), ct);
    }

    private async Task<HashSet<string>> TakenNumbersAsync(IReadOnlyList<string> numbers, CancellationToken ct)
    {
        var taken = new HashSet<string>();
        foreach (var chunk in numbers.Chunk(500))
        {
            var parameters = new DynamicParameters();
            var names = chunk.Select((number, i) => { parameters.Add($"N{i}", number); return $"@N{i}"; });
            taken.UnionWith(await db.QueryAsync<string>(
                $"select invoice_number from invoicing_invoices where invoice_number in ({string.Join(", ", names)})", parameters, ct));
        }
        return taken;
    }

    private async Task<InvoiceImportDto?> FailAsync(Guid importId, IReadOnlyList<string> errors, CancellationToken ct)
    {
        const string sql = "update invoicing_imports set status = 'failed', rows_done = 0, errors = @Errors, finished_at = @Now where id = @ImportId";
        await db.ExecuteAsync(sql, new { ImportId = importId, Errors = JsonSerializer.Serialize(errors), Now = clock.GetUtcNow() }, CancellationToken.None);
        return await mediator.Send(new GetInvoiceImportQuery(importId), ct);
    }
}
