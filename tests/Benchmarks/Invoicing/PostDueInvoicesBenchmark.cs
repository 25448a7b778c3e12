using BenchmarkDotNet.Attributes;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Scheduling;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Benchmarks.Invoicing;

/// <summary>The invoice-posting sweep over a month-end's worth of due scheduled invoices, on a fresh database each iteration.</summary>
[Config(typeof(BenchConfig))]
public class PostDueInvoicesBenchmark
{
    public const int Invoices = 100_000;

    private PortalTestHost? portal;

    [Params("sqlite", "postgres")]
    public string Database { get; set; } = "sqlite";

    [IterationSetup]
    public void CreateDueInvoices() => CreateDueInvoicesAsync().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<SweepResult> PostDueInvoices()
    {
        var result = await portal!.SendAsync(new PostDueInvoicesCommand());
        if (result.Succeeded != Invoices)
            throw new InvalidOperationException($"Posted {result.Succeeded} of {Invoices} invoices.");
        return result;
    }

    [IterationCleanup]
    public void DropDatabase() => BenchDatabase.StopAsync(portal).GetAwaiter().GetResult();

    private async Task CreateDueInvoicesAsync()
    {
        portal = await BenchDatabase.StartAsync(Database);
        var account = await portal.SendAsync(new CreateAccountCommand("A-1", "Account A-1", "a-1@billing.test"));
        var today = portal.Clock.Today;
        await portal.SendAsync(new CreateInvoiceCommand(
            account, "SEED", today, today.AddDays(30), portal.Clock.GetUtcNow().AddMinutes(1),
            [new InvoiceLineInputDto("Lawn care", 1m, Money.Dollars(4_500))]));
        await BenchDatabase.CopyInvoiceAsync(portal.Services, "SEED", Invoices - 1);
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
    }
}
