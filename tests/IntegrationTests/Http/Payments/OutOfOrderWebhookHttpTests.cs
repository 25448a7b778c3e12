using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Payments.Adyen;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>The emulator holds its webhooks, then sends each twice in reverse order: the end state must not depend on arrival.</summary>
public abstract class OutOfOrderWebhookHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    private async Task<(PaymentFixture Pay, Guid Invoice, string PaymentId)> PayHeldAsync(object method)
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        await Factory.AddStaffAsync("fin");
        pay.Emulator.Chaos.HoldWebhooks = true;
        pay.Emulator.Chaos.DuplicateWebhooks = true;
        var body = await (await pay.PayAsync("key-1", 10_000, method)).Content.ReadFromJsonAsync<JsonElement>();
        return (pay, invoice, body.GetProperty("paymentId").GetString()!);
    }

    private async Task ReleaseReversedAsync(PaymentFixture pay, int expectedDeliveries)
    {
        await pay.Emulator.ReleaseHeldWebhooksAsync(reverseOrder: true, CancellationToken.None);
        await pay.SettleWebhooksAsync(expectedDeliveries);
        await Factory.DrainOutboxAsync();
    }

    // The outbox handles stored events in arrival order; posting by hand fixes that order (the emulator's reversed
    // delivery lands within one tick of the test's manual clock, where the order is not defined).
    [DbFact]
    public async Task Ach_return_before_its_authorisation_fails_the_payment_and_the_late_authorisation_applies_nothing()
    {
        var (pay, invoice, paymentId) = await PayHeldAsync(PaymentFixture.Ach());
        var psp = pay.Emulator.Charges.Single().PspReference;
        var reference = Guid.Parse(paymentId).ToString("N");

        await HostWebhooks.PostAsync(Factory, EventCodes.Chargeback, true, "RETURN0000000001", psp, reference, 10_000);
        await HostWebhooks.PostAsync(Factory, EventCodes.Chargeback, true, "RETURN0000000001", psp, reference, 10_000);
        await Factory.DrainOutboxAsync();
        await HostWebhooks.PostAsync(Factory, EventCodes.Authorisation, true, psp, null, reference, 10_000);
        await HostWebhooks.PostAsync(Factory, EventCodes.Authorisation, true, psp, null, reference, 10_000);
        await Factory.DrainOutboxAsync();
        await Factory.DrainOutboxAsync();

        Assert.Equal("refused", await HostWebhooks.PaymentStatusAsync(Factory, paymentId));
        Assert.Equal(10_000, await pay.BalanceAsync(invoice));
        Assert.Equal(0, await pay.PendingAsync(invoice));
        Assert.Equal(0, await HostWebhooks.PublishedAsync(Factory, "PaymentSucceededEvent"));
        Assert.Single(Factory.Mailbox.To("fin@provider.test"), m => m.Subject.StartsWith("Chargeback"));
        Assert.Single(Factory.Mailbox.To("payer@example.test"), m => m.Subject.StartsWith("Bank payment returned"));
    }

    [DbFact]
    public async Task Ach_return_and_authorisation_sent_reversed_and_twice_leave_the_invoice_owed_once()
    {
        var (pay, invoice, _) = await PayHeldAsync(PaymentFixture.Ach());
        await pay.Emulator.SettlePendingAchAsync(CancellationToken.None);
        await pay.Emulator.FailAchAsync(pay.Emulator.Charges.Single().PspReference, CancellationToken.None);

        await ReleaseReversedAsync(pay, expectedDeliveries: 4);

        Assert.Equal(10_000, await pay.BalanceAsync(invoice));
        Assert.Equal(0, await pay.PendingAsync(invoice));
        Assert.Single(Factory.Mailbox.To("fin@provider.test"), m => m.Subject.StartsWith("Chargeback"));
    }

    [DbFact]
    public async Task Refund_before_the_authorisation_webhook_reopens_once_and_the_late_authorisation_changes_nothing()
    {
        var (pay, invoice, paymentId) = await PayHeldAsync(PaymentFixture.Card());
        var finance = await Factory.LoginAsync("fin");
        await finance.PostAsJsonAsync($"/api/backoffice/payments/{paymentId}/refunds", new { amount = new { currency = "USD", value = 2_500 } });

        await ReleaseReversedAsync(pay, expectedDeliveries: 4);

        var detail = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payments/{paymentId}");
        Assert.Equal("partially_refunded", detail.GetProperty("status").GetString());
        Assert.Equal("succeeded", detail.GetProperty("refunds")[0].GetProperty("status").GetString());
        Assert.Equal(2_500, await pay.BalanceAsync(invoice));
        Assert.Equal(1, await HostWebhooks.PublishedAsync(Factory, "PaymentRefundedEvent"));
        Assert.Equal(1, await HostWebhooks.PublishedAsync(Factory, "PaymentSucceededEvent"));
    }

    [DbFact]
    public async Task Chargeback_before_the_authorisation_of_a_card_payment_reopens_once()
    {
        var (pay, invoice, paymentId) = await PayHeldAsync(PaymentFixture.Card());
        await pay.Emulator.SendChargebackAsync(pay.Emulator.Charges.Single().PspReference, CancellationToken.None);

        await ReleaseReversedAsync(pay, expectedDeliveries: 4);

        Assert.Equal("authorised", await HostWebhooks.PaymentStatusAsync(Factory, paymentId));
        Assert.Equal(10_000, await pay.BalanceAsync(invoice));
        Assert.Single(Factory.Mailbox.To("fin@provider.test"), m => m.Subject.StartsWith("Chargeback"));
    }

    [DbFact]
    public async Task Every_webhook_delivered_again_after_processing_changes_nothing()
    {
        var (pay, invoice, paymentId) = await PayHeldAsync(PaymentFixture.Card());
        var finance = await Factory.LoginAsync("fin");
        await finance.PostAsJsonAsync($"/api/backoffice/payments/{paymentId}/refunds", new { amount = new { currency = "USD", value = 2_500 } });
        await ReleaseReversedAsync(pay, expectedDeliveries: 4);
        var options = Factory.Services.GetRequiredService<AdyenOptions>();

        foreach (var sent in pay.Emulator.SentWebhooks)
            await SignedWebhook.PostAsync(Factory.CreateClient(), sent.Item, options.WebhookUsername, options.WebhookPassword);
        await Factory.DrainOutboxAsync();

        Assert.Equal(2_500, await pay.BalanceAsync(invoice));
        Assert.Equal(2, await HostWebhooks.ScalarAsync(Factory, "select count(*) from payments_webhook_events"));
        Assert.Equal(1, await HostWebhooks.PublishedAsync(Factory, "PaymentRefundedEvent"));
        Assert.Equal(1, await HostWebhooks.PublishedAsync(Factory, "PaymentSucceededEvent"));
    }
}

public sealed class OutOfOrderWebhookHttpTestsOnSqlite() : OutOfOrderWebhookHttpTests(SqlDialect.Sqlite);

public sealed class OutOfOrderWebhookHttpTestsOnPostgres() : OutOfOrderWebhookHttpTests(SqlDialect.Postgres), IPostgresTest;
