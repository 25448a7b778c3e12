using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Payments.Adyen;
using static Portal.IntegrationTests.Http.Payments.AutopayFixture;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>Two hosts on one PostgreSQL database run the autopay sweep at the same time, against one processor (the first host's emulator).</summary>
public sealed class AutopayTwoHostsTestsOnPostgres : IPostgresTest
{
    private static readonly Dictionary<string, string?> Processor = new()
    {
        ["Payments:Adyen:ApiKey"] = "two-hosts-api-key",
        ["Payments:Adyen:HmacKey"] = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",
        ["Payments:Adyen:WebhookUsername"] = "two-hosts",
        ["Payments:Adyen:WebhookPassword"] = "two-hosts-password",
        ["Payments:Autopay:Parallelism"] = "3",
    };

    [DbFact]
    public async Task Two_hosts_running_autopay_at_once_charge_each_due_invoice_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync(SqlDialect.Postgres);
        await using var first = new PortalWebFactory(database, Processor);
        _ = first.Server;
        var emulatorUrl = first.Services.GetRequiredService<AdyenEndpoint>().Emulator!.BaseUrl;
        await using var second = new PortalWebFactory(database, new Dictionary<string, string?>(Processor) { ["Payments:Adyen:BaseUrl"] = emulatorUrl.ToString() });
        _ = second.Server;
        var pay = await WithAutopayAsync(first);
        var invoices = new List<Guid>();
        for (var i = 0; i < 30; i++)
            invoices.Add(await pay.InvoiceAsync($"INV-{i:D2}", 1_000 + i, dueInDays: 0));
        var charges = pay.Emulator.ChargeCount;

        var concurrent = await Task.WhenAll(Run(first), Run(second), Run(first), Run(second));
        var repeated = await Task.WhenAll(Run(second), Run(first));

        Assert.Equal(charges + 30, pay.Emulator.ChargeCount);
        Assert.Equal(30, concurrent.Concat(repeated).Sum(r => r.Succeeded));
        Assert.All(concurrent.Concat(repeated), r => Assert.Equal(0, r.Failed));
        Assert.Equal(30, pay.Emulator.Charges.Skip(charges).Select(c => c.IdempotencyKey).Distinct().Count());
        foreach (var invoice in invoices)
            Assert.Equal(0, await pay.BalanceAsync(invoice));
        Assert.Empty(await PlannedAsync(first, pay.Account));
    }

    [DbFact]
    public async Task Autopay_fired_by_two_hosts_through_hangfire_charges_each_due_invoice_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync(SqlDialect.Postgres);
        var everySecond = new Dictionary<string, string?>(Processor) { ["Jobs:Enabled"] = "true", ["Jobs:autopay:Cron"] = "* * * * * ?" };
        await using var first = new PortalWebFactory(database, everySecond);
        _ = first.Server;
        var emulatorUrl = first.Services.GetRequiredService<AdyenEndpoint>().Emulator!.BaseUrl;
        await using var second = new PortalWebFactory(database, new Dictionary<string, string?>(everySecond) { ["Payments:Adyen:BaseUrl"] = emulatorUrl.ToString() });
        _ = second.Server;
        var pay = await WithAutopayAsync(first);
        var charges = pay.Emulator.ChargeCount;
        var invoices = new List<Guid>();
        for (var i = 0; i < 20; i++)
            invoices.Add(await pay.InvoiceAsync($"INV-{i:D2}", 1_000 + i, dueInDays: 0));

        var charged = await HangfireProbe.WaitAsync(() => pay.Emulator.ChargeCount >= charges + 20, TimeSpan.FromSeconds(60));
        Assert.True(charged, $"Expected 20 autopay charges within 60 seconds, got {pay.Emulator.ChargeCount - charges}: "
            + string.Join("; ", (await HangfireTables.FiringsAsync(database.ConnectionString, "autopay")).Select(f => $"{f.State} {f.Result}")));
        await Foundation.TwoHostsJobsTestsOnPostgres.WaitForFiringsAsync(database, "autopay", atLeast: 3);

        Assert.Equal(charges + 20, pay.Emulator.ChargeCount);
        Assert.Equal(20, pay.Emulator.Charges.Skip(charges).Select(c => c.IdempotencyKey).Distinct().Count());
        foreach (var invoice in invoices)
            Assert.Equal(0, await pay.BalanceAsync(invoice));
        await Foundation.TwoHostsJobsTestsOnPostgres.AssertEachFiringRanOnceAsync(database, "autopay");
    }

    private static Task<Portal.BuildingBlocks.Scheduling.SweepResult> Run(PortalWebFactory host) =>
        host.SendAsync(new Portal.Modules.Payments.Contracts.Autopay.RunAutopayCommand());
}
