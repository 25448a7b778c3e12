using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Payments.Adyen;

namespace Portal.IntegrationTests.Http.Payments;

public abstract class RefundFailedHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    private async Task<(PaymentFixture Pay, Guid Invoice, string PaymentId, string RefundId)> RefundedAsync(long refundCents)
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        var body = await (await pay.PayAsync("key-1", 10_000, PaymentFixture.Card(holderName: "refund failed"))).Content.ReadFromJsonAsync<JsonElement>();
        await pay.SettleWebhooksAsync(1);
        await Factory.AddStaffAsync("fin");
        var finance = await Factory.LoginAsync("fin");
        // The emulator's own REFUND and REFUND_FAILED stay held, so each test decides what arrives and in which order.
        pay.Emulator.Chaos.HoldWebhooks = true;
        var paymentId = body.GetProperty("paymentId").GetString()!;
        var refund = await finance.PostAsJsonAsync($"/api/backoffice/payments/{paymentId}/refunds", new { amount = new { currency = "USD", value = refundCents } });
        var refundId = (await refund.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refundId").GetString()!;
        return (pay, invoice, paymentId, refundId);
    }

    private Task PostAsync(PaymentFixture pay, string eventCode, string refundId, long cents) =>
        HostWebhooks.PostAsync(Factory, eventCode, true, pay.Emulator.Refunds.Single().PspReference, pay.Emulator.Charges[0].PspReference,
            Guid.Parse(refundId).ToString("N"), cents);

    [DbFact]
    public async Task Refund_failed_after_a_confirmed_refund_pays_the_invoice_again_and_alerts_finance_once()
    {
        var (pay, invoice, paymentId, refundId) = await RefundedAsync(4_000);
        await PostAsync(pay, EventCodes.Refund, refundId, 4_000);
        await PostAsync(pay, EventCodes.Refund, refundId, 4_000);
        await Factory.DrainOutboxAsync();
        var balanceAfterRefund = await pay.BalanceAsync(invoice);

        await PostAsync(pay, EventCodes.RefundFailed, refundId, 4_000);
        await PostAsync(pay, EventCodes.RefundFailed, refundId, 4_000);
        await Factory.DrainOutboxAsync();
        await Factory.DrainOutboxAsync();

        var detail = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payments/{paymentId}");
        Assert.Equal(4_000, balanceAfterRefund);
        Assert.Equal(0, await pay.BalanceAsync(invoice));
        Assert.Equal("failed", detail.GetProperty("refunds")[0].GetProperty("status").GetString());
        Assert.Equal(1, await HostWebhooks.PublishedAsync(Factory, "PaymentRefundedEvent"));
        var alert = Assert.Single(Factory.Mailbox.To("fin@provider.test"), m => m.Subject.StartsWith("Refund failed"));
        Assert.Contains("$40.00", alert.Subject);
        Assert.Contains("paid again", alert.Text);
    }

    [DbFact]
    public async Task Refund_failed_overtaking_its_refund_fails_it_and_the_late_refund_reopens_nothing()
    {
        var (pay, invoice, paymentId, refundId) = await RefundedAsync(4_000);

        await PostAsync(pay, EventCodes.RefundFailed, refundId, 4_000);
        await Factory.DrainOutboxAsync();
        await PostAsync(pay, EventCodes.Refund, refundId, 4_000);
        await PostAsync(pay, EventCodes.Refund, refundId, 4_000);
        await Factory.DrainOutboxAsync();
        await Factory.DrainOutboxAsync();

        var detail = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payments/{paymentId}");
        Assert.Equal(0, await pay.BalanceAsync(invoice));
        Assert.Equal("failed", detail.GetProperty("refunds")[0].GetProperty("status").GetString());
        Assert.Equal(0, await HostWebhooks.PublishedAsync(Factory, "PaymentRefundedEvent"));
        Assert.Single(Factory.Mailbox.To("fin@provider.test"), m => m.Subject.StartsWith("Refund failed"));
    }

    [DbFact]
    public async Task Refund_failed_after_the_customer_paid_the_reopened_balance_again_tells_finance_what_was_paid_twice()
    {
        var (pay, invoice, _, refundId) = await RefundedAsync(4_000);
        await PostAsync(pay, EventCodes.Refund, refundId, 4_000);
        await Factory.DrainOutboxAsync();
        await pay.PayAsync("key-2", 4_000, PaymentFixture.Card());

        await PostAsync(pay, EventCodes.RefundFailed, refundId, 4_000);
        await Factory.DrainOutboxAsync();
        await Factory.DrainOutboxAsync();

        Assert.Equal(0, await pay.BalanceAsync(invoice));
        var alert = Assert.Single(Factory.Mailbox.To("fin@provider.test"), m => m.Subject.StartsWith("Refund failed"));
        Assert.Contains("$40.00 could not be put back", alert.Text);
    }

    [DbFact]
    public async Task Refund_confirmed_publishes_PaymentRefundedEvent_once_even_when_delivered_twice()
    {
        var (pay, invoice, _, refundId) = await RefundedAsync(2_500);

        await PostAsync(pay, EventCodes.Refund, refundId, 2_500);
        await PostAsync(pay, EventCodes.Refund, refundId, 2_500);
        await Factory.DrainOutboxAsync();

        Assert.Equal(2_500, await pay.BalanceAsync(invoice));
        Assert.Equal(1, await HostWebhooks.PublishedAsync(Factory, "PaymentRefundedEvent"));
        Assert.DoesNotContain(Factory.Mailbox.To("fin@provider.test"), m => m.Subject.StartsWith("Refund failed"));
    }
}

public sealed class RefundFailedHttpTestsOnSqlite() : RefundFailedHttpTests(SqlDialect.Sqlite);

public sealed class RefundFailedHttpTestsOnPostgres() : RefundFailedHttpTests(SqlDialect.Postgres), IPostgresTest;
