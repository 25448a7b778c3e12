using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Payments.Adyen;

namespace Portal.IntegrationTests.Http.Payments;

public abstract class CancellationWebhookHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    private async Task<(PaymentFixture Pay, Guid Invoice, string PaymentId)> PaidAsync(object method)
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        var body = await (await pay.PayAsync("key-1", 10_000, method)).Content.ReadFromJsonAsync<JsonElement>();
        return (pay, invoice, body.GetProperty("paymentId").GetString()!);
    }

    private Task CancellationAsync(PaymentFixture pay, string paymentId, string psp, bool success = true) =>
        HostWebhooks.PostAsync(Factory, EventCodes.Cancellation, success, psp, pay.Emulator.Charges.Single().PspReference, Guid.Parse(paymentId).ToString("N"), 10_000);

    [DbFact]
    public async Task Cancellation_of_an_authorised_payment_cancels_it_and_reopens_the_invoice_once()
    {
        var (pay, invoice, paymentId) = await PaidAsync(PaymentFixture.Card());
        await pay.SettleWebhooksAsync(1);

        await CancellationAsync(pay, paymentId, "CANCEL0000000001");
        await CancellationAsync(pay, paymentId, "CANCEL0000000001");
        await CancellationAsync(pay, paymentId, "CANCEL0000000002");
        await Factory.DrainOutboxAsync();
        await Factory.DrainOutboxAsync();

        Assert.Equal("cancelled", await HostWebhooks.PaymentStatusAsync(Factory, paymentId));
        Assert.Equal(10_000, await pay.BalanceAsync(invoice));
        Assert.Equal(1, await HostWebhooks.ScalarAsync(Factory, "select count(*) from payments_webhook_events where psp_reference = 'CANCEL0000000001'"));
        Assert.Single(Factory.Mailbox.To("payer@example.test"), m => m.Subject.StartsWith("Payment not completed"));
    }

    [DbFact]
    public async Task Cancellation_of_a_pending_ach_payment_releases_its_hold_and_a_late_authorisation_applies_nothing()
    {
        var (pay, invoice, paymentId) = await PaidAsync(PaymentFixture.Ach());

        await CancellationAsync(pay, paymentId, "CANCEL0000000003");
        await Factory.DrainOutboxAsync();
        await pay.Emulator.SettlePendingAchAsync(CancellationToken.None);
        await pay.SettleWebhooksAsync(1);

        Assert.Equal("cancelled", await HostWebhooks.PaymentStatusAsync(Factory, paymentId));
        Assert.Equal(10_000, await pay.BalanceAsync(invoice));
        Assert.Equal(0, await pay.PendingAsync(invoice));
    }

    [DbFact]
    public async Task Cancellation_that_failed_is_stored_and_changes_nothing()
    {
        var (pay, invoice, paymentId) = await PaidAsync(PaymentFixture.Card());
        await pay.SettleWebhooksAsync(1);

        await CancellationAsync(pay, paymentId, "CANCEL0000000004", success: false);
        await Factory.DrainOutboxAsync();

        Assert.Equal("authorised", await HostWebhooks.PaymentStatusAsync(Factory, paymentId));
        Assert.Equal(0, await pay.BalanceAsync(invoice));
        Assert.Equal(1, await HostWebhooks.ScalarAsync(Factory,
            "select count(*) from payments_webhook_events where psp_reference = 'CANCEL0000000004' and processed_at is not null"));
    }
}

public sealed class CancellationWebhookHttpTestsOnSqlite() : CancellationWebhookHttpTests(SqlDialect.Sqlite);

public sealed class CancellationWebhookHttpTestsOnPostgres() : CancellationWebhookHttpTests(SqlDialect.Postgres), IPostgresTest;
