using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Payments;

public abstract class RefundHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Finance_refunds_part_of_a_payment_the_invoice_is_owed_again_and_no_more_than_paid_can_be_refunded()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        var paymentId = (await (await pay.PayAsync("key-1", 10_000, PaymentFixture.Card())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentId").GetString();
        await Factory.AddStaffAsync("fin");
        var finance = await Factory.LoginAsync("fin");
        var sentBefore = pay.Emulator.SentWebhooks.Count;

        var refund = await finance.PostAsJsonAsync($"/api/backoffice/payments/{paymentId}/refunds", new { amount = new { currency = "USD", value = 2_500 } });
        await pay.SettleWebhooksAsync(sentBefore + 1);
        var tooMuch = await finance.PostAsJsonAsync($"/api/backoffice/payments/{paymentId}/refunds", new { amount = new { currency = "USD", value = 7_501 } });
        var list = await finance.GetFromJsonAsync<JsonElement>("/api/backoffice/payments");
        var detail = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payments/{paymentId}");

        Assert.Equal(HttpStatusCode.Accepted, refund.StatusCode);
        Assert.Equal("received", (await refund.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(2_500, await pay.BalanceAsync(invoice));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.StatusCode);
        Assert.Equal("refund_exceeds_payment", (await tooMuch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var row = list.GetProperty("items")[0];
        Assert.Equal(pay.Account.ToString(), row.GetProperty("accountId").GetString());
        Assert.Equal(2_500, row.GetProperty("refunded").GetProperty("value").GetInt64());
        Assert.Equal("succeeded", detail.GetProperty("refunds")[0].GetProperty("status").GetString());
    }

    [DbFact]
    public async Task Chargeback_reopens_the_invoice_once_and_alerts_finance()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        await pay.PayAsync("key-1", 10_000, PaymentFixture.Card());
        await Factory.AddStaffAsync("fin");
        pay.Emulator.Chaos.DuplicateWebhooks = true;
        var sentBefore = pay.Emulator.SentWebhooks.Count;

        await pay.Emulator.SendChargebackAsync(pay.Emulator.Charges.Single().PspReference, CancellationToken.None);
        await pay.SettleWebhooksAsync(sentBefore + 2);
        await Factory.DrainOutboxAsync();

        Assert.Equal(10_000, await pay.BalanceAsync(invoice));
        Assert.Single(Factory.Mailbox.To("fin@provider.test"), m => m.Subject.StartsWith("Chargeback"));
    }

    [DbFact]
    public async Task Customers_cannot_refund_or_list_all_payments()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);

        var list = await pay.User.GetAsync("/api/backoffice/payments");
        var refund = await pay.User.PostAsJsonAsync($"/api/backoffice/payments/{Guid.NewGuid()}/refunds", new { amount = new { currency = "USD", value = 1 } });

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refund.StatusCode);
    }
}

public sealed class RefundHttpTestsOnSqlite() : RefundHttpTests(SqlDialect.Sqlite);

public sealed class RefundHttpTestsOnPostgres() : RefundHttpTests(SqlDialect.Postgres), IPostgresTest;
