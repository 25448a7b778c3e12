using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Payments.Contracts.Refunds;

namespace Portal.IntegrationTests.Http.Payments;

public abstract class BackofficePaymentDetailTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task GetBackofficePayment_shows_the_processor_reference_and_every_webhook_about_it()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        var paymentId = (await (await pay.PayAsync("key-1", 10_000, PaymentFixture.Card())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentId").GetGuid();
        var sentBefore = pay.Emulator.SentWebhooks.Count;
        await Factory.SendAsync(new RefundPaymentCommand(paymentId, Money.Dollars(2_500)));
        await pay.SettleWebhooksAsync(sentBefore + 1);
        await pay.PayAsync("key-2", 100, PaymentFixture.Card());
        await pay.SettleWebhooksAsync(sentBefore + 2);

        var detail = await Factory.SendAsync(new GetBackofficePaymentQuery(paymentId));

        Assert.Equal((pay.Account, pay.Emulator.Charges.First().PspReference), (detail!.Payment.AccountId, detail.Payment.PspReference));
        Assert.Equal(2_500, detail.Payment.Refunded.Value);
        Assert.Contains(detail.Webhooks, w => w.EventCode == "REFUND" && w.Success && w.Amount.Value == 2_500);
        Assert.Equal(["AUTHORISATION", "REFUND"], detail.Webhooks.Select(w => w.EventCode).Order());
    }

    [DbFact]
    public async Task GetBackofficePayment_of_an_unknown_payment_is_null()
    {
        Assert.Null(await Factory.SendAsync(new GetBackofficePaymentQuery(Guid.NewGuid())));
    }
}

public sealed class BackofficePaymentDetailTestsOnSqlite() : BackofficePaymentDetailTests(SqlDialect.Sqlite);

public sealed class BackofficePaymentDetailTestsOnPostgres() : BackofficePaymentDetailTests(SqlDialect.Postgres), IPostgresTest;
