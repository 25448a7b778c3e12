using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Payments.Adyen;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>A correctly signed notification whose amount or currency differs from the payment's changes no money and alerts finance.</summary>
public abstract class WebhookAmountMismatchHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    private async Task<(PaymentFixture Pay, Guid Invoice, string PaymentId, string Psp)> PendingAchAsync()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        await Factory.AddStaffAsync("fin");
        pay.Emulator.Chaos.HoldWebhooks = true;
        var body = await (await pay.PayAsync("key-1", 10_000, PaymentFixture.Ach())).Content.ReadFromJsonAsync<JsonElement>();
        return (pay, invoice, body.GetProperty("paymentId").GetString()!, pay.Emulator.Charges.Single().PspReference);
    }

    [DbFact]
    public async Task Authorisation_with_another_amount_leaves_the_pending_payment_and_alerts_finance()
    {
        var (pay, invoice, paymentId, psp) = await PendingAchAsync();

        await HostWebhooks.PostAsync(Factory, EventCodes.Authorisation, true, psp, null, Guid.Parse(paymentId).ToString("N"), 1);
        await Factory.DrainOutboxAsync();
        await Factory.DrainOutboxAsync();

        Assert.Equal("pending", await HostWebhooks.PaymentStatusAsync(Factory, paymentId));
        Assert.Equal(10_000, await pay.BalanceAsync(invoice));
        Assert.Equal(10_000, await pay.PendingAsync(invoice));
        Assert.Equal(0, await HostWebhooks.PublishedAsync(Factory, "PaymentSucceededEvent"));
        Assert.Equal(1, await HostWebhooks.ScalarAsync(Factory, "select count(*) from payments_webhook_events where psp_reference = @Psp and amount_minor = 1",
            new { Psp = psp }));
        Assert.Single(Factory.Mailbox.To("fin@provider.test"), m => m.Subject.StartsWith("Processor notification does not match"));
    }

    [DbFact]
    public async Task Authorisation_with_the_right_amount_in_another_currency_changes_nothing()
    {
        var (pay, invoice, paymentId, psp) = await PendingAchAsync();

        await HostWebhooks.PostAsync(Factory, EventCodes.Authorisation, true, psp, null, Guid.Parse(paymentId).ToString("N"), 10_000, currency: "EUR");
        await Factory.DrainOutboxAsync();

        Assert.Equal("pending", await HostWebhooks.PaymentStatusAsync(Factory, paymentId));
        Assert.Equal(10_000, await pay.BalanceAsync(invoice));
        Assert.Single(Factory.Mailbox.To("fin@provider.test"), m => m.Subject.StartsWith("Processor notification does not match"));
    }

    [DbFact]
    public async Task Authorisation_with_the_payments_amount_and_currency_settles_it()
    {
        var (pay, invoice, paymentId, psp) = await PendingAchAsync();

        await HostWebhooks.PostAsync(Factory, EventCodes.Authorisation, true, psp, null, Guid.Parse(paymentId).ToString("N"), 10_000);
        await Factory.DrainOutboxAsync();

        Assert.Equal("authorised", await HostWebhooks.PaymentStatusAsync(Factory, paymentId));
        Assert.Equal(0, await pay.BalanceAsync(invoice));
        Assert.DoesNotContain(Factory.Mailbox.To("fin@provider.test"), m => m.Subject.StartsWith("Processor notification does not match"));
    }
}

public sealed class WebhookAmountMismatchHttpTestsOnSqlite() : WebhookAmountMismatchHttpTests(SqlDialect.Sqlite);

public sealed class WebhookAmountMismatchHttpTestsOnPostgres() : WebhookAmountMismatchHttpTests(SqlDialect.Postgres), IPostgresTest;
