using System.Text;
using Dapper;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;

namespace Portal.Modules.Invoicing.Invoices;

// Writes new invoices and their lines in bulk, so an import of many thousands stays fast: multi-row inserts on PostgreSQL;
// on SQLite one prepared single-row insert run per row, because binding thousands of named parameters there costs
// time quadratic in their number, while a reused statement inside the transaction is cheap.
internal static class InvoiceWriter
{
    // Well under PostgreSQL's 65535 bound parameters per statement.
    private const int InvoicesPerInsert = 400;
    private const int LinesPerInsert = 800;

    public static async Task InsertAsync(IDatabase db, IReadOnlyList<NewInvoice> invoices, DateTimeOffset now, CancellationToken ct, Action<int>? progress = null)
    {
        var done = 0;
        foreach (var chunk in invoices.Chunk(InvoicesPerInsert))
        {
            var inserted = await InsertInvoicesAsync(db, chunk, now, ct);
            if (inserted != chunk.Length)
                throw new ConflictException(chunk.Length == 1
                    ? $"Invoice number '{chunk[0].InvoiceNumber}' is already taken."
                    : "An invoice number in the batch is already taken.");
            var lines = chunk.SelectMany(i => i.Lines.Select((line, n) => (i.Id, No: n + 1, Line: line))).ToList();
            foreach (var lineChunk in lines.Chunk(LinesPerInsert))
                await InsertLinesAsync(db, lineChunk, ct);
            done += chunk.Sum(i => i.Lines.Count);
            progress?.Invoke(done);
        }
    }

    private const string InsertInvoiceSql = """
        insert into invoicing_invoices (id, account_id, invoice_number, invoice_date, due_date, status, post_at, posted_at,
            allow_partial_payment, total_minor, total_currency, balance_minor, held_minor, created_at)
        values (@Id, @AccountId, @InvoiceNumber, @InvoiceDate, @DueDate, @Status, @PostAt, @PostedAt,
            @AllowPartialPayment, @TotalMinor, 'USD', @TotalMinor, 0, @Now)
        on conflict (invoice_number) do nothing
        """;

    private const string InsertLineSql = """
        insert into invoicing_invoice_lines (invoice_id, line_no, description, quantity_e4, unit_price_minor, unit_price_currency,
            amount_minor, amount_currency)
        values (@InvoiceId, @No, @Description, @QuantityE4, @UnitPriceMinor, 'USD', @AmountMinor, 'USD')
        """;

    private static Task<int> InsertInvoicesAsync(IDatabase db, NewInvoice[] chunk, DateTimeOffset now, CancellationToken ct)
    {
        if (db.Dialect == SqlDialect.Sqlite)
            return db.ExecuteAsync(InsertInvoiceSql, chunk.Select(i => new
            {
                i.Id, i.AccountId, i.InvoiceNumber, i.InvoiceDate, i.DueDate, i.Status, i.PostAt, i.PostedAt, i.AllowPartialPayment, i.TotalMinor, Now = now,
            }), ct);
        var parameters = new DynamicParameters();
        parameters.Add("Now", now);
        parameters.Add("Usd", Money.Usd);
        var values = new StringBuilder();
        for (var i = 0; i < chunk.Length; i++)
        {
            var invoice = chunk[i];
            parameters.Add($"Id{i}", invoice.Id);
            parameters.Add($"Acc{i}", invoice.AccountId);
            parameters.Add($"Num{i}", invoice.InvoiceNumber);
            parameters.Add($"Date{i}", invoice.InvoiceDate);
            parameters.Add($"Due{i}", invoice.DueDate);
            parameters.Add($"St{i}", invoice.Status);
            parameters.Add($"PostAt{i}", invoice.PostAt);
            parameters.Add($"Posted{i}", invoice.PostedAt);
            parameters.Add($"Part{i}", invoice.AllowPartialPayment);
            parameters.Add($"Tot{i}", invoice.TotalMinor);
            values.Append(i == 0 ? "" : ", ")
                .Append($"(@Id{i}, @Acc{i}, @Num{i}, @Date{i}, @Due{i}, @St{i}, @PostAt{i}, @Posted{i}, @Part{i}, @Tot{i}, @Usd, @Tot{i}, 0, @Now)");
        }
        return db.ExecuteAsync($"""
            insert into invoicing_invoices (id, account_id, invoice_number, invoice_date, due_date, status, post_at, posted_at,
                allow_partial_payment, total_minor, total_currency, balance_minor, held_minor, created_at)
            values {values}
            on conflict (invoice_number) do nothing
            """, parameters, ct);
    }

    private static Task<int> InsertLinesAsync(IDatabase db, (Guid InvoiceId, int No, NewInvoiceLine Line)[] chunk, CancellationToken ct)
    {
        if (db.Dialect == SqlDialect.Sqlite)
            return db.ExecuteAsync(InsertLineSql, chunk.Select(l => new
            {
                l.InvoiceId, l.No, l.Line.Description, l.Line.QuantityE4, l.Line.UnitPriceMinor, l.Line.AmountMinor,
            }), ct);
        var parameters = new DynamicParameters();
        parameters.Add("Usd", Money.Usd);
        var values = new StringBuilder();
        for (var i = 0; i < chunk.Length; i++)
        {
            var (invoiceId, no, line) = chunk[i];
            parameters.Add($"Inv{i}", invoiceId);
            parameters.Add($"No{i}", no);
            parameters.Add($"Desc{i}", line.Description);
            parameters.Add($"Qty{i}", line.QuantityE4);
            parameters.Add($"Unit{i}", line.UnitPriceMinor);
            parameters.Add($"Amt{i}", line.AmountMinor);
            values.Append(i == 0 ? "" : ", ").Append($"(@Inv{i}, @No{i}, @Desc{i}, @Qty{i}, @Unit{i}, @Usd, @Amt{i}, @Usd)");
        }
        return db.ExecuteAsync($"""
            insert into invoicing_invoice_lines (invoice_id, line_no, description, quantity_e4, unit_price_minor, unit_price_currency,
                amount_minor, amount_currency)
            values {values}
            """, parameters, ct);
    }
}
