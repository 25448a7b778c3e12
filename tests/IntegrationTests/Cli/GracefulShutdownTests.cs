using System.Net;
using System.Net.Http.Json;
using Dapper;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Http.Payments;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;

namespace Portal.IntegrationTests.Cli;

/// <summary>SIGTERM while a payment waits for the processor: the host refuses new work, finishes the payment, exits 0.</summary>
public abstract class GracefulShutdownTests(SqlDialect dialect) : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(dialect);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [DbFact]
    public async Task Sigterm_mid_payment_finishes_the_payment_refuses_new_requests_and_leaves_nothing_unknown()
    {
        await using var processor = await SlowProcessor.StartAsync();
        var account = await ArrangeAsync();
        await using var host = HostProcess.Start(AppContext.BaseDirectory, "Development",
        [
            $"--Database:Provider={database.Provider}", $"--ConnectionStrings:Portal={database.ConnectionString}",
            "--Identity:HashIterations=1000", "--Portal:SeedDemoData=false", "--Outbox:BackgroundDispatch=false",
            $"--Payments:Adyen:BaseUrl={processor.BaseUrl}", $"--Email:PickupDirectory={Path.Combine(Path.GetTempPath(), "portal-mail-" + Guid.NewGuid().ToString("N"))}",
        ]);
        var address = await host.AddressAsync();
        using var user = new HttpClient { BaseAddress = address };
        (await user.PostAsJsonAsync("/api/auth/login", new { userId = "payer", password = PortalUsers.Password })).EnsureSuccessStatusCode();

        var paying = user.SendAsync(PayRequest(account));
        await processor.Received.WaitAsync(TimeSpan.FromSeconds(30));
        host.Terminate();
        var refused = await NewConnectionsRefusedAsync(address);
        processor.Answer();
        var response = await paying;

        Assert.True(refused, "the host still took new connections after SIGTERM");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("authorised", (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(0, await host.ExitCodeAsync());
        Assert.Equal(["authorised"], await StatusesAsync());
    }

    private async Task<Guid> ArrangeAsync()
    {
        await using var portal = new PortalWebFactory(database);
        var account = await portal.CreateAccountAsync("A-900", "Shutdown Gardens");
        await portal.AddMemberAsync(account, "payer", AccountRole.Accounting);
        var fixture = new PaymentFixture(portal, portal.Anonymous(), account, null!);
        await fixture.InvoiceAsync("INV-SIG", 7_500, dueInDays: 10);
        return account;
    }

    private static HttpRequestMessage PayRequest(Guid account)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/accounts/{account}/payments")
        {
            Content = JsonContent.Create(new { amount = new { currency = "USD", value = 7_500 }, paymentMethod = PaymentFixture.Card() }),
        };
        request.Headers.Add("Idempotency-Key", "sigterm-1");
        return request;
    }

    // Bounded: the signal is handled on the host's own thread, so the listener closes a moment after kill returns.
    private static async Task<bool> NewConnectionsRefusedAsync(Uri address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            using var fresh = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
            fresh.DefaultRequestHeaders.ConnectionClose = true;
            try
            {
                await fresh.GetAsync("/health/live");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return true;
            }
            await Task.Delay(100);
        }
        return false;
    }

    private async Task<List<string>> StatusesAsync()
    {
        await using var factory = new ConnectionFactory(dialect, database.ConnectionString);
        await using var connection = await factory.OpenAsync();
        return (await connection.QueryAsync<string>("select status from payments_payments")).ToList();
    }
}

public sealed class GracefulShutdownTestsOnSqlite() : GracefulShutdownTests(SqlDialect.Sqlite);

public sealed class GracefulShutdownTestsOnPostgres() : GracefulShutdownTests(SqlDialect.Postgres), IPostgresTest;
