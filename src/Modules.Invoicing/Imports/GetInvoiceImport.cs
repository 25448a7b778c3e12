using System.Text.Json;
using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Invoicing.Contracts.Imports;

namespace Portal.Modules.Invoicing.Imports;

internal sealed class GetInvoiceImportQueryHandler(IDatabase db, ImportProgress progress) : IRequestHandler<GetInvoiceImportQuery, InvoiceImportDto?>
{
    public async Task<InvoiceImportDto?> Handle(GetInvoiceImportQuery query, CancellationToken ct)
    {
        const string sql = "select id, status, rows_total, rows_done, errors from invoicing_imports where id = @ImportId";
        var row = await db.QuerySingleOrDefaultAsync<ImportRowState>(sql, query, ct);
        if (row is null)
            return null;
        var rowsDone = row.Status == "running" ? progress.RowsDone(row.Id) ?? row.RowsDone : row.RowsDone;
        return new InvoiceImportDto(row.Id, row.Status, row.RowsTotal, rowsDone, JsonSerializer.Deserialize<List<string>>(row.Errors) ?? []);
    }

    private sealed record ImportRowState
    {
        public Guid Id { get; init; }

        public string Status { get; init; } = "";

        public int RowsTotal { get; init; }

        public int RowsDone { get; init; }

        public string Errors { get; init; } = "[]";
    }
}
