using Dapper;
using Npgsql;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.IntegrationTests.Foundation;

/// <summary>
/// Two hosts on one PostgreSQL database run the sweeps through Hangfire's recurring jobs (every second here): each firing
/// is created once and run by one host, and every effect happens once. Both hosts stay up throughout, so firings
/// land on either of them and overlap.
/// </summary>
public sealed class TwoHostsJobsTestsOnPostgres : IPostgresTest
{
    private static Dictionary<string, string?> EverySecond(string job) => new()
    {
        ["Jobs:Enabled"] = "true",
        [$"Jobs:{job}:Cron"] = "* * * * * ?",
    };

    [DbFact]
    public async Task Invoice_posting_fired_by_two_hosts_posts_each_invoice_once_and_runs_each_firing_once()
    {
        await using var database = await TestDatabase.CreateAsync(SqlDialect.Postgres);
        await using var first = new PortalWebFactory(database, EverySecond("invoice-posting"));
        await using var second = new PortalWebFactory(database, EverySecond("invoice-posting"));
        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));
        var account = await first.CreateAccountAsync();
        var postAt = first.Clock.GetUtcNow().AddMinutes(-1);
        for (var i = 0; i < 40; i++)
            await first.SendAsync(new CreateInvoiceCommand(account, $"INV-{i:D3}", first.Clock.Today, first.Clock.Today.AddDays(30), postAt,
                [new InvoiceLineInputDto("Mowing", 1m, Money.Dollars(1_000 + i))]));

        var posted = await HangfireProbe.WaitAsync(() => Count(database, "select count(*) from invoicing_invoices where status = 'open'") == 40, TimeSpan.FromSeconds(45));
        await WaitForFiringsAsync(database, "invoice-posting", atLeast: 3);

        Assert.True(posted, "The recurring invoice-posting job did not post the 40 invoices within 45 seconds.");
        Assert.Equal(40, Count(database, "select count(*) from outbox_messages where type like '%InvoicePostedEvent%'"));
        await AssertEachFiringRanOnceAsync(database, "invoice-posting");
    }

    [DbFact]
    public async Task Reminders_fired_by_two_hosts_send_each_reminder_once()
    {
        await using var database = await TestDatabase.CreateAsync(SqlDialect.Postgres);
        await using var first = new PortalWebFactory(database, EverySecond("reminders"));
        await using var second = new PortalWebFactory(database, EverySecond("reminders"));
        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));
        var account = await first.CreateAccountAsync();
        await first.AddMemberAsync(account, "payer", AccountRole.Accounting);
        for (var i = 0; i < 20; i++)
            await first.SendAsync(new CreateInvoiceCommand(account, $"INV-{i:D3}", first.Clock.Today, first.Clock.Today.AddDays(3), null,
                [new InvoiceLineInputDto("Mowing", 1m, Money.Dollars(1_000 + i))]));

        var sent = await HangfireProbe.WaitAsync(() => Reminders(first, second) == 20, TimeSpan.FromSeconds(45));
        await WaitForFiringsAsync(database, "reminders", atLeast: 3);

        Assert.True(sent, $"Expected 20 reminders within 45 seconds, got {Reminders(first, second)}.");
        Assert.Equal(20, Reminders(first, second));
        Assert.Equal(20, Count(database, "select count(*) from invoicing_notices where sent_at is not null"));
        await AssertEachFiringRanOnceAsync(database, "reminders");
    }

    private static int Reminders(params PortalWebFactory[] hosts) =>
        hosts.Sum(h => h.Mailbox.To("payer@example.test").Count(m => m.Subject.StartsWith("Reminder:", StringComparison.Ordinal)));

    internal static async Task WaitForFiringsAsync(TestDatabase database, string job, int atLeast) =>
        Assert.True(
            await HangfireProbe.WaitAsync(() => HangfireTables.FiringsAsync(database.ConnectionString, job).Result.Count(f => f.State == "Succeeded") >= atLeast, TimeSpan.FromSeconds(30)),
            $"Fewer than {atLeast} {job} firings succeeded within 30 seconds.");

    internal static async Task AssertEachFiringRanOnceAsync(TestDatabase database, string job)
    {
        var firings = await HangfireTables.FiringsAsync(database.ConnectionString, job);
        Assert.All(firings, f => Assert.True(f.Runs <= 1, $"Firing {f.Time} of {job} ran {f.Runs} times (servers {f.Servers})."));
        Assert.Equal(firings.Count, firings.Select(f => f.Time).Distinct().Count());
        Assert.DoesNotContain(firings, f => f.State == "Failed");
    }

    private static long Count(TestDatabase database, string sql)
    {
        using var connection = new NpgsqlConnection(database.ConnectionString);
        return connection.ExecuteScalar<long>(sql);
    }
}
