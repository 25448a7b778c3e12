using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Cli;
using Portal.IntegrationTests.Http.Payments;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;

namespace Portal.IntegrationTests.Http.Operations;

/// <summary>A caller that hangs up while the processor works does not cut the payment off before its outcome is recorded.</summary>
public abstract class PaymentHangUpHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Pay_when_the_caller_hangs_up_mid_charge_still_records_the_outcome()
    {
        await using var processor = await SlowProcessor.StartAsync();
        await using var portal = Factory.WithWebHostBuilder(b => b.UseSetting("Payments:Adyen:BaseUrl", processor.BaseUrl.ToString()));
        var account = await Factory.CreateAccountAsync("A-910", "Hang Up Court");
        await Factory.AddMemberAsync(account, "payer", AccountRole.Accounting);
        var invoice = await new PaymentFixture(Factory, Factory.Anonymous(), account, null!).InvoiceAsync("INV-HU", 4_000, dueInDays: 10);
        var user = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        (await user.PostAsJsonAsync("/api/auth/login", new { userId = "payer", password = PortalUsers.Password })).EnsureSuccessStatusCode();
        using var hangUp = new CancellationTokenSource();

        var first = user.SendAsync(Pay(account), hangUp.Token);
        await processor.Received.WaitAsync(TimeSpan.FromSeconds(30));
        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        processor.Answer();
        // The same key again waits for the first request's outcome rather than charging again.
        var again = await user.SendAsync(Pay(account));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("authorised", (await again.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(0, (await Factory.SendAsync(new Portal.Modules.Invoicing.Contracts.Invoices.GetInvoiceQuery(account, invoice)))!.Balance.Value);
    }

    private static HttpRequestMessage Pay(Guid account)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/accounts/{account}/payments")
        {
            Content = JsonContent.Create(new { amount = new { currency = "USD", value = 4_000 }, paymentMethod = PaymentFixture.Card() }),
        };
        request.Headers.Add("Idempotency-Key", "hang-up-1");
        return request;
    }
}

public sealed class PaymentHangUpHttpTestsOnSqlite() : PaymentHangUpHttpTests(SqlDialect.Sqlite);

public sealed class PaymentHangUpHttpTestsOnPostgres() : PaymentHangUpHttpTests(SqlDialect.Postgres), IPostgresTest;
