using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Payments.Autopay;

namespace Portal.IntegrationTests.Http.Payments;

public abstract class AutopaySkipRaceHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    // The sweep read the marks before the customer skipped; its charge for that invoice must still not go through.
    [DbFact]
    public async Task Charge_decided_before_a_skip_that_lands_first_charges_nothing()
    {
        var pay = await AutopayFixture.WithAutopayAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-SKIP", 8_900, dueInDays: 0);
        AutopayAccount account;
        await using (var scope = Factory.Services.CreateAsyncScope())
            account = (await AutopaySql.AccountsAsync(scope.ServiceProvider.GetRequiredService<IDatabase>(), pay.Account, CancellationToken.None)).Single();
        var charges = pay.Emulator.ChargeCount;
        (await pay.User.PostAsJsonAsync($"/api/accounts/{pay.Account}/autopay/skips", new { invoiceId = invoice })).EnsureSuccessStatusCode();

        var charged = await Factory.SendAsync(new ChargeAutopayInvoiceCommand(account, invoice, 1, null));
        var skipAgain = await pay.User.PostAsJsonAsync($"/api/accounts/{pay.Account}/autopay/skips", new { invoiceId = invoice });

        Assert.False(charged);
        Assert.Equal(charges, pay.Emulator.ChargeCount);
        Assert.Equal(8_900, await pay.BalanceAsync(invoice));
        Assert.True(skipAgain.IsSuccessStatusCode, "no attempt is left behind to block the skip");
    }
}

public sealed class AutopaySkipRaceHttpTestsOnSqlite() : AutopaySkipRaceHttpTests(SqlDialect.Sqlite);

public sealed class AutopaySkipRaceHttpTestsOnPostgres() : AutopaySkipRaceHttpTests(SqlDialect.Postgres), IPostgresTest;
