using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Scheduling;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Contracts.Autopay;
using Portal.Modules.Payments.Contracts.Methods;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.Benchmarks.Payments;

/// <summary>
/// One autopay run over 10,000 due invoices (100 autopay accounts with 100 due invoices each) against the loopback
/// emulator: notice, card check and one merchant-initiated charge per invoice, on a fresh database each iteration.
/// </summary>
[Config(typeof(AutopayBenchmark.SingleRun))]
public class AutopayBenchmark
{
    public const int Accounts = 100;
    public const int InvoicesPerAccount = 100;

    private PortalTestHost? portal;
    private IHostedService? emulator;

    [Params("sqlite", "postgres")]
    public string Database { get; set; } = "sqlite";

    [IterationSetup]
    public void CreateDueInvoices() => CreateDueInvoicesAsync().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<SweepResult> RunAutopay()
    {
        var result = await portal!.SendAsync(new RunAutopayCommand());
        if (result.Succeeded != Accounts * InvoicesPerAccount)
            throw new InvalidOperationException($"Charged {result.Succeeded} of {Accounts * InvoicesPerAccount} invoices ({result.Failed} failed).");
        return result;
    }

    [IterationCleanup]
    public void DropDatabase()
    {
        emulator?.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        BenchDatabase.StopAsync(portal).GetAwaiter().GetResult();
    }

    private async Task CreateDueInvoicesAsync()
    {
        portal = await BenchDatabase.StartAsync(Database);
        emulator = portal.Services.GetServices<IHostedService>().OfType<AdyenEmulatorService>().Single();
        await emulator.StartAsync(CancellationToken.None);
        var today = portal.Clock.Today;
        for (var a = 0; a < Accounts; a++)
        {
            var account = await portal.SendAsync(new CreateAccountCommand($"A-{a:D3}", $"Account {a}", $"a-{a}@billing.test"));
            var setup = await portal.SendAsync(new CreateInvoiceCommand(account, $"SETUP-{a:D3}", today, today.AddDays(30), null,
                [new InvoiceLineInputDto("Setup", 1m, Money.Dollars(100))]));
            await portal.SendAsync(new PayCommand(account, null, $"setup-{a}", Money.Dollars(100), [new PaymentAllocationDto(setup.InvoiceId, Money.Dollars(100))],
                new PaymentMethodInputDto
                {
                    Type = "scheme", EncryptedCardNumber = "test_4111111111111111", EncryptedExpiryMonth = "test_03", EncryptedExpiryYear = "test_2030",
                    EncryptedSecurityCode = "test_737", HolderName = "Bench Customer",
                }, true));
            var method = (await portal.SendAsync(new GetPaymentMethodsQuery(account))).Single();
            await portal.SendAsync(new SetAutopayCommand(account, true, method.PaymentMethodId, null));
            await portal.SendAsync(new CreateInvoiceCommand(account, $"SEED-{a:D3}", today.AddDays(-30), today, null,
                [new InvoiceLineInputDto("Lawn care", 1m, Money.Dollars(4_500))]));
        }
        await CopySeedsAsync(portal.Services, InvoicesPerAccount - 1);
        await BenchDatabase.AnalyzeIfPostgresAsync(portal.Services);
        await portal.DrainOutboxAsync();
    }

    // Each account's seed invoice copied into many with new ids and numbers, in one statement.
    private static async Task CopySeedsAsync(IServiceProvider services, int copies)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IDatabase>();
        var id = db.Dialect == SqlDialect.Postgres ? "gen_random_uuid()" : "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";
        await db.ExecuteAsync($"""
            with recursive n(i) as (select 1 union all select i + 1 from n where i < @Copies)
            insert into invoicing_invoices (id, account_id, invoice_number, invoice_date, due_date, status, post_at, posted_at,
                allow_partial_payment, total_minor, total_currency, balance_minor, held_minor, created_at)
            select {id}, account_id, invoice_number || '-' || n.i, invoice_date, due_date, status, post_at, posted_at,
                allow_partial_payment, total_minor, total_currency, balance_minor, held_minor, created_at
            from invoicing_invoices, n
            where invoice_number like 'SEED-%'
            """, new { Copies = copies });
    }

    // Each iteration charges 10,000 invoices for a couple of minutes on 2 shared cores, so one cold iteration per engine.
    private sealed class SingleRun : ManualConfig
    {
        public SingleRun()
        {
            AddJob(Job.Default
                .WithStrategy(RunStrategy.ColdStart)
                .WithLaunchCount(1)
                .WithWarmupCount(0)
                .WithIterationCount(1)
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(60), logOutput: true)));
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }
}
