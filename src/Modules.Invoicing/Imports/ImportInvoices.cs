using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.BuildingBlocks.Messaging;
using Portal.Modules.Invoicing.Invoices;

namespace Portal.Modules.Invoicing.Imports;

internal sealed record ImportInvoicesCommand(Guid ImportId, IReadOnlyList<ImportRow> Rows, IReadOnlyDictionary<string, Guid> AccountIds) : ICommand;

internal sealed class ImportInvoicesCommandHandler(IDatabase db, IOutbox outbox, ImportProgress progress, TimeProvider clock)
    : AsyncRequestHandler<ImportInvoicesCommand>
{
    protected override async Task Handle(ImportInvoicesCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var invoices = command.Rows.GroupBy(r => r.InvoiceNumber).Select(g =>
        {
            var first = g.First();
            return Invoice.Create(
                command.AccountIds[first.AccountNumber], first.InvoiceNumber, first.InvoiceDate, first.DueDate, first.PostAt,
                allowPartialPayment: true, g.Select(r => (r.Description, r.Quantity, r.UnitPriceMinor)), now);
        }).ToList();

        await InvoiceWriter.InsertAsync(db, invoices, now, ct, done => progress.Report(command.ImportId, done));
        foreach (var invoice in invoices.Where(i => i.Status == InvoiceStatus.Open))
            outbox.Add(invoice.PostedEvent());

        const string sql = """
            update invoicing_imports set status = 'succeeded', rows_done = @RowsDone, errors = '[]', finished_at = @Now
            where id = @ImportId
            """;
        await db.ExecuteAsync(sql, new { command.ImportId, RowsDone = command.Rows.Count, Now = now }, ct);
    }
}
