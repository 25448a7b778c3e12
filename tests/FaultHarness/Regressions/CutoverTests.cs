using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.FaultHarness.Regressions;

/// <summary>Issue 11's "holds ignoring the cutover date", as the harness's cutover invariant sees it.</summary>
public abstract class CutoverTests(SqlDialect dialect) : RegressionTest(dialect)
{
    [DbFact]
    public async Task Pay_oldest_first_leaves_an_invoice_dated_before_the_cutover_alone()
    {
        var run = await ArrangeAsync(seed: 7301);
        var today = DateOnly.FromDateTime(Host.Primary.Clock.GetUtcNow().UtcDateTime);
        var legacy = await Host.Primary.SendAsync(new CreateInvoiceCommand(run.AccountId, $"FH-{run.Seed}-legacy", Arrange.Cutover.AddDays(-30),
            today.AddDays(-5), null, [new InvoiceLineInputDto("Legacy balance", 1m, Money.Dollars(12345))], true));
        run.LegacyInvoices.Add(legacy.InvoiceId);
        // Exactly what the oldest visible invoice needs, so the right outcome is valid whether it allows partial payment or not.
        var oldest = run.Invoices.OrderBy(i => i.Due).ThenBy(i => i.Number, StringComparer.Ordinal).First();
        var oldestFirst = PayAll(run, save: false) with { Allocations = null, Amount = Money.Dollars(oldest.Total) };

        var error = await StepAsync(new OperationFaults(), () => Host.Primary.SendAsync(oldestFirst));
        var broken = await SettleAndCheckAsync(run);

        Assert.True(broken.Length == 0, broken);
        Assert.Null(error);
    }
}

public sealed class SqliteCutoverTests() : CutoverTests(SqlDialect.Sqlite);

public sealed class PostgresCutoverTests() : CutoverTests(SqlDialect.Postgres), IPostgresTest;
