using System.Diagnostics;
using Dapper;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.IntegrationTests.Foundation;

/// <summary>
/// A host is killed (SIGKILL, a real process) while it runs a job; another host on the same PostgreSQL database takes the
/// same Hangfire job once its claim goes stale and finishes the work, and nothing happens twice.
/// </summary>
public sealed class KilledHostJobTestsOnPostgres : IPostgresTest
{
    private const string Doomed = "portal-host-doomed";
    private const string Yearly = "0 0 1 1 *";

    [DbFact]
    public async Task Invoice_posting_interrupted_by_a_killed_host_is_resumed_by_the_other_host_and_posts_each_invoice_once()
    {
        await using var database = await TestDatabase.CreateAsync(SqlDialect.Postgres);
        await using var arranger = new PortalWebFactory(database);
        var account = await arranger.CreateAccountAsync();
        for (var i = 0; i < 10; i++)
            await arranger.SendAsync(new CreateInvoiceCommand(account, $"INV-{i:D3}", arranger.Clock.Today, arranger.Clock.Today.AddDays(30),
                arranger.Clock.GetUtcNow().AddMinutes(-1), [new InvoiceLineInputDto("Mowing", 1m, Money.Dollars(1_000 + i))]));
        using var doomed = StartHostProcess(database);
        Assert.True(await WaitAsync(() => ScalarAsync(database, $"select count(*) from hangfire.server where id like '%:{doomed.Id}:%'"), 1, 60),
            "The doomed host did not start its Hangfire server within 60 seconds.");

        // Hold the invoices table, so the run the doomed host starts stays in progress until we kill it.
        await using var blocker = new NpgsqlConnection(database.ConnectionString);
        await blocker.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await blocker.ExecuteAsync("lock table invoicing_invoices in exclusive mode", transaction: hold);
        arranger.Services.GetRequiredService<IRecurringJobManager>().Trigger("invoice-posting");
        Assert.True(await WaitAsync(() => ScalarAsync(database, $"select count(*) from pg_stat_activity where application_name = '{Doomed}' and wait_event_type = 'Lock'"), 1, 30),
            "The doomed host never started posting.");
        doomed.Kill(entireProcessTree: true);
        await doomed.WaitForExitAsync();
        // What the server would do once it notices the dead peer: end its sessions, rolling back the half-done batch.
        await ScalarAsync(database, $"select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = '{Doomed}'");
        await hold.RollbackAsync();
        await using var survivor = new PortalWebFactory(database, HostSettings(database.ConnectionString));
        _ = survivor.Server;

        var posted = await WaitAsync(() => ScalarAsync(database, "select count(*) from invoicing_invoices where status = 'open'"), 10, 90);
        // The sweep's effects commit before Hangfire records the job as done.
        await WaitAsync(async () => (await HangfireTables.FiringsAsync(database.ConnectionString, "invoice-posting")).Count(f => f.State == "Succeeded"), 1, 30);

        Assert.True(posted, "The surviving host did not finish posting within 90 seconds.");
        Assert.Equal(10, await ScalarAsync(database, "select count(*) from outbox_messages where type like '%InvoicePostedEvent%'"));
        var firing = Assert.Single(await HangfireTables.FiringsAsync(database.ConnectionString, "invoice-posting"));
        Assert.Equal("Succeeded", firing.State);
        Assert.Equal(2, firing.Runs);
        Assert.Equal(2, firing.Servers!.Split(',').Length);
        Assert.Contains($":{doomed.Id}:", firing.Servers);
    }

    private static Dictionary<string, string?> HostSettings(string connectionString) => new()
    {
        ["Database:Provider"] = "postgres",
        ["ConnectionStrings:Portal"] = connectionString,
        ["Jobs:Enabled"] = "true",
        // Only the test starts this job, so the one firing is all there is to resume.
        ["Jobs:invoice-posting:Cron"] = Yearly,
        ["Jobs:InvisibilityTimeoutSeconds"] = "5",
    };

    private static Process StartHostProcess(TestDatabase database)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        var settings = HostSettings($"{database.ConnectionString};Application Name={Doomed}");
        settings["Outbox:BackgroundDispatch"] = "false";
        settings["Portal:SeedDemoData"] = "false";
        settings["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), $"portal-mail-{Guid.NewGuid():N}");
        settings["urls"] = "http://127.0.0.1:0";
        foreach (var (key, value) in settings)
            start.ArgumentList.Add($"--{key}={value}");
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<long> ScalarAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private static async Task<bool> WaitAsync(Func<Task<long>> count, long expected, int seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await count() >= expected)
                return true;
            await Task.Delay(200);
        }
        return await count() >= expected;
    }
}
