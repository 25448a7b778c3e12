using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Payments;

public abstract class StalePaymentHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Saved_card_payment_whose_answer_was_lost_is_settled_by_the_job_without_a_second_charge()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var first = await pay.InvoiceAsync("INV-1", 5_000, dueInDays: 5);
        var second = await pay.InvoiceAsync("INV-2", 7_000, dueInDays: 15);
        await pay.PayAsync("key-1", 5_000, PaymentFixture.Card(), save: true);
        var methodId = (await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payment-methods"))[0].GetProperty("paymentMethodId").GetGuid();
        pay.Emulator.Chaos.DropResponseAfterChargeNext(1);
        var lost = await (await pay.PayAsync("key-2", 7_000, new { storedPaymentMethodId = methodId })).Content.ReadFromJsonAsync<JsonElement>();
        await Factory.AddStaffAsync("fin");

        var run = await (await Factory.LoginAsync("fin")).PostAsync("/api/backoffice/jobs/payments-stale/run", null);
        var after = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payments/{lost.GetProperty("paymentId").GetString()}");

        Assert.Equal("unknown", lost.GetProperty("status").GetString());
        Assert.Equal(1, (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("succeeded").GetInt32());
        Assert.Equal("authorised", after.GetProperty("status").GetString());
        Assert.Equal(2, pay.Emulator.ChargeCount);
        Assert.Equal(0, await pay.BalanceAsync(first) + await pay.BalanceAsync(second));
    }
}

public sealed class StalePaymentHttpTestsOnSqlite() : StalePaymentHttpTests(SqlDialect.Sqlite);

public sealed class StalePaymentHttpTestsOnPostgres() : StalePaymentHttpTests(SqlDialect.Postgres), IPostgresTest;
