using System.Text;
using BenchmarkDotNet.Attributes;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Invoicing.Contracts.Imports;

namespace Portal.Benchmarks.Invoicing;

/// <summary>Starting and processing one CSV import of 50,000 rows (10,000 invoices of five lines), on a fresh database each iteration.</summary>
[Config(typeof(BenchConfig))]
public class ImportCsvBenchmark
{
    public const int Rows = 50_000;

    private static readonly string Csv = BuildCsv();

    private PortalTestHost? portal;

    [Params("sqlite", "postgres")]
    public string Database { get; set; } = "sqlite";

    [IterationSetup]
    public void CreateAccount() => CreateAccountAsync().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<InvoiceImportDto?> ImportCsv()
    {
        var id = await portal!.SendAsync(new StartInvoiceImportCommand(Csv));
        var import = await portal.SendAsync(new ProcessInvoiceImportCommand(id));
        if (import is not { Status: "succeeded", RowsDone: Rows })
            throw new InvalidOperationException($"The import ended {import?.Status} with {import?.RowsDone} rows: {string.Join("; ", import?.Errors.Take(3) ?? [])}");
        return import;
    }

    [IterationCleanup]
    public void DropDatabase() => BenchDatabase.StopAsync(portal).GetAwaiter().GetResult();

    private async Task CreateAccountAsync()
    {
        portal = await BenchDatabase.StartAsync(Database);
        await portal.SendAsync(new CreateAccountCommand("A-100", "Account A-100", "a-100@billing.test"));
    }

    private static string BuildCsv()
    {
        var csv = new StringBuilder("accountNumber,invoiceNumber,invoiceDate,dueDate,postAt,description,quantity,unitPrice\n");
        for (var i = 0; i < Rows; i++)
            csv.Append($"A-100,BULK-{i / 5:00000},2026-03-01,2026-03-31,,Line {i % 5},1,12.34\n");
        return csv.ToString();
    }
}
