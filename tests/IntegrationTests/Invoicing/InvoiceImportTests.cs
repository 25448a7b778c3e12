using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Invoicing.Contracts.Imports;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Invoicing.Imports;
using static Portal.IntegrationTests.Invoicing.InvoiceBuilder;

namespace Portal.IntegrationTests.Invoicing;

public abstract class InvoiceImportTests(SqlDialect dialect) : IntegrationTest(dialect)
{
    private const string Header = "accountNumber,invoiceNumber,invoiceDate,dueDate,postAt,description,quantity,unitPrice";

    private async Task<InvoiceImportDto> ImportAsync(string csv)
    {
        var id = await Portal.SendAsync(new StartInvoiceImportCommand(csv));
        await Portal.SendAsync(new ProcessInvoiceImportCommand(id));
        return (await Portal.SendAsync(new GetInvoiceImportQuery(id)))!;
    }

    private async Task<long> InvoiceCountAsync() => (await Portal.QueryAsync<long>("select count(*) from invoicing_invoices")).Single();

    [DbFact]
    public async Task ProcessInvoiceImport_valid_file_makes_one_invoice_per_number()
    {
        var account = await Portal.CreateAccountAsync("A-100");
        var csv = $"""
            {Header}
            A-100,INV-9001,2026-03-01,2026-03-31,,"Mowing, front lawn",2,125.50
            A-100,INV-9001,2026-03-01,2026-03-31,,Mulch,1.5,10.00
            A-100,INV-9002,2026-03-01,2026-03-31,2026-04-01T00:00:00Z,Edging,1,40
            """;

        var import = await ImportAsync(csv);

        Assert.Equal(("succeeded", 3, 3), (import.Status, import.RowsTotal, import.RowsDone));
        var invoices = (await Portal.SendAsync(new GetBackofficeInvoicesQuery(account))).Items;
        Assert.Equal([("INV-9001", "open", Money.Dollars(26_600)), ("INV-9002", "scheduled", Money.Dollars(4_000))],
            invoices.Select(i => (i.InvoiceNumber, i.Status, i.Total)));
        var detail = await Portal.SendAsync(new GetInvoiceQuery(account, invoices[0].InvoiceId));
        Assert.Equal(["Mowing, front lawn", "Mulch"], detail!.Lines.Select(l => l.Description));
    }

    [DbFact]
    public async Task ProcessInvoiceImport_with_bad_rows_lists_every_one_and_imports_nothing()
    {
        var account = await Portal.CreateAccountAsync("A-100");
        await Portal.CreateInvoiceAsync(AnInvoice(account).Numbered("INV-OLD"));
        var csv = """
            A-100,INV-1,2026-03-01,2026-03-31,,Mowing,1,10.00
            A-100,INV-2,2026-13-01,2026-03-31,,Mowing,1,10.00
            A-404,INV-3,2026-03-01,2026-03-31,,Mowing,1,10.00
            A-100,INV-OLD,2026-03-01,2026-03-31,,Mowing,1,10.00
            A-100,INV-4,2026-03-01,2026-03-31,,Mowing,one,10.00
            """;

        var import = await ImportAsync(csv);

        Assert.Equal("failed", import.Status);
        Assert.Equal(["line 2: ", "line 3: ", "line 4: ", "line 5: "], import.Errors.Select(e => e[..8]));
        Assert.Equal(1, await InvoiceCountAsync());
    }

    [DbFact]
    public async Task ProcessInvoiceImport_run_twice_imports_once()
    {
        await Portal.CreateAccountAsync("A-100");
        var id = await Portal.SendAsync(new StartInvoiceImportCommand("A-100,INV-1,2026-03-01,2026-03-31,,Mowing,1,10.00"));
        await Portal.SendAsync(new ProcessInvoiceImportCommand(id));

        var second = await Portal.SendAsync(new ProcessInvoiceImportCommand(id));

        Assert.Equal("succeeded", second!.Status);
        Assert.Equal(1, await InvoiceCountAsync());
        Assert.Equal(1, await Portal.EventCountAsync<InvoicePostedEvent>());
    }

    [DbFact]
    public async Task ProcessQueuedInvoiceImports_processes_each_queued_import_once()
    {
        await Portal.CreateAccountAsync("A-100");
        await Portal.SendAsync(new StartInvoiceImportCommand("A-100,INV-1,2026-03-01,2026-03-31,,Mowing,1,10.00"));
        await Portal.SendAsync(new StartInvoiceImportCommand("A-100,INV-2,2026-03-01,2026-03-31,,Mowing,1,10.00"));

        var first = await Portal.SendAsync(new ProcessQueuedInvoiceImportsCommand());
        var second = await Portal.SendAsync(new ProcessQueuedInvoiceImportsCommand());

        Assert.Equal((2, 2, 0), (first.Found, first.Succeeded, second.Found));
        Assert.Equal(2, await InvoiceCountAsync());
    }

    [DbFact]
    public async Task ProcessQueuedInvoiceImports_marks_an_import_abandoned_by_a_dead_host_failed()
    {
        var id = await Portal.SendAsync(new StartInvoiceImportCommand("A-100,INV-1,2026-03-01,2026-03-31,,Mowing,1,10.00"));
        await Portal.ExecuteAsync("update invoicing_imports set status = 'running', started_at = @At where id = @Id", new { Id = id, At = Portal.Clock.GetUtcNow() });
        Portal.Clock.Advance(TimeSpan.FromMinutes(61));

        await Portal.SendAsync(new ProcessQueuedInvoiceImportsCommand());

        Assert.Equal("failed", (await Portal.SendAsync(new GetInvoiceImportQuery(id)))!.Status);
    }

    [DbFact]
    public async Task ProcessQueuedInvoiceImports_leaves_a_recently_started_import_running()
    {
        var id = await Portal.SendAsync(new StartInvoiceImportCommand("A-100,INV-1,2026-03-01,2026-03-31,,Mowing,1,10.00"));
        await Portal.ExecuteAsync("update invoicing_imports set status = 'running', started_at = @At where id = @Id", new { Id = id, At = Portal.Clock.GetUtcNow() });
        Portal.Clock.Advance(TimeSpan.FromMinutes(59));

        await Portal.SendAsync(new ProcessQueuedInvoiceImportsCommand());

        Assert.Equal("running", (await Portal.SendAsync(new GetInvoiceImportQuery(id)))!.Status);
    }

    [DbFact]
    public async Task GetInvoiceImport_while_running_reports_the_live_rows_done()
    {
        var id = await Portal.SendAsync(new StartInvoiceImportCommand("A-100,INV-1,2026-03-01,2026-03-31,,Mowing,1,10.00"));
        await Portal.ExecuteAsync("update invoicing_imports set status = 'running', rows_total = 50000 where id = @Id", new { Id = id });
        Portal.Services.GetRequiredService<ImportProgress>().Report(id, 1_200);

        var import = await Portal.SendAsync(new GetInvoiceImportQuery(id));

        Assert.Equal(("running", 50_000, 1_200), (import!.Status, import.RowsTotal, import.RowsDone));
    }

    [DbFact]
    public async Task ProcessInvoiceImport_of_a_large_file_imports_every_row_in_multi_row_batches()
    {
        await Portal.CreateAccountAsync("A-100");
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 5_000; i++)
            csv.Append($"A-100,BULK-{i / 5:00000},2026-03-01,2026-03-31,,Line {i % 5},1,12.34\n");

        var import = await ImportAsync(csv.ToString());

        // Speed is measured in tests/Benchmarks (docs/PERFORMANCE.md), never here.
        Assert.Equal(("succeeded", 5_000), (import.Status, import.RowsDone));
        Assert.Equal(1_000, await InvoiceCountAsync());
    }
}

public sealed class InvoiceImportTestsOnSqlite() : InvoiceImportTests(SqlDialect.Sqlite);

public sealed class InvoiceImportTestsOnPostgres() : InvoiceImportTests(SqlDialect.Postgres), IPostgresTest;
