using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>
/// Disputes after refunds: what is still applied is reopened, the rest is a loss finance hears about once; a reversed
/// chargeback applies the payment again, a second chargeback reopens again, a notification of chargeback only informs.
/// </summary>
public abstract class ChargebackLifecycleHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    private sealed record Paid(PaymentFixture Pay, Guid Invoice, string PaymentId, string Psp, string Reference, HttpClient Finance);

    private async Task<Paid> PaidAsync()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        var paymentId = (await (await pay.PayAsync("key-1", 10_000, PaymentFixture.Card())).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("paymentId").GetString()!;
        await Factory.AddStaffAsync("fin");
        await pay.SettleWebhooksAsync(1);
        var charge = pay.Emulator.Charges.Single();
        return new Paid(pay, invoice, paymentId, charge.PspReference, charge.Reference, await Factory.LoginAsync("fin"));
    }

    private static async Task RefundAsync(Paid paid, long cents)
    {
        var sent = paid.Pay.Emulator.SentWebhooks.Count;
        (await paid.Finance.PostAsJsonAsync($"/api/backoffice/payments/{paid.PaymentId}/refunds", new { amount = new { currency = "USD", value = cents } }))
            .EnsureSuccessStatusCode();
        await paid.Pay.SettleWebhooksAsync(sent + 1);
    }

    private async Task ChargebackAsync(Paid paid)
    {
        var sent = paid.Pay.Emulator.SentWebhooks.Count;
        await paid.Pay.Emulator.SendChargebackAsync(paid.Psp, CancellationToken.None);
        await paid.Pay.SettleWebhooksAsync(sent + 1);
        await Factory.DrainOutboxAsync();
    }

    private Task<long> UnprocessedAsync() => HostWebhooks.ScalarAsync(Factory, "select count(*) from payments_webhook_events where processed_at is null");

    private IReadOnlyList<MailItem> FinanceChargebackMails() =>
        Factory.Mailbox.To("fin@provider.test").Where(m => m.Subject.StartsWith("Chargeback", StringComparison.Ordinal)).ToList();

    [DbFact]
    public async Task Chargeback_on_a_refunded_payment_is_handled_once_records_the_loss_and_alerts_finance_once()
    {
        var paid = await PaidAsync();
        await RefundAsync(paid, 10_000);

        await ChargebackAsync(paid);
        await Factory.DrainOutboxAsync();

        Assert.Equal(10_000, await paid.Pay.BalanceAsync(paid.Invoice));
        Assert.Equal(0, await UnprocessedAsync());
        var mail = Assert.Single(FinanceChargebackMails());
        Assert.Contains("$100.00", mail.Text);
        Assert.Contains("loss", mail.Text);
        Assert.Equal(10_000, await HostWebhooks.ScalarAsync(Factory, "select sum(loss_minor) from payments_chargebacks"));
    }

    [DbFact]
    public async Task Chargeback_on_a_partly_refunded_payment_reopens_what_is_still_applied_and_records_the_rest_as_a_loss()
    {
        var paid = await PaidAsync();
        await RefundAsync(paid, 2_500);

        await ChargebackAsync(paid);

        Assert.Equal(10_000, await paid.Pay.BalanceAsync(paid.Invoice));
        Assert.Equal(0, await UnprocessedAsync());
        Assert.Single(FinanceChargebackMails());
        Assert.Equal(2_500, await HostWebhooks.ScalarAsync(Factory, "select sum(loss_minor) from payments_chargebacks"));
        Assert.Equal(7_500, await HostWebhooks.ScalarAsync(Factory, "select sum(reopened_minor) from payments_chargebacks"));
    }

    [DbFact]
    public async Task Refund_confirmed_after_a_chargeback_took_the_payment_back_is_handled_and_not_retried_for_ever()
    {
        var paid = await PaidAsync();
        await ChargebackAsync(paid);

        await RefundAsync(paid, 2_500);
        await Factory.DrainOutboxAsync();

        Assert.Equal(10_000, await paid.Pay.BalanceAsync(paid.Invoice));
        Assert.Equal(0, await UnprocessedAsync());
        var detail = await paid.Pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{paid.Pay.Account}/payments/{paid.PaymentId}");
        Assert.Equal("succeeded", detail.GetProperty("refunds")[0].GetProperty("status").GetString());
    }

    [DbFact]
    public async Task Chargeback_reversed_applies_the_payment_again_once()
    {
        var paid = await PaidAsync();
        await ChargebackAsync(paid);

        await HostWebhooks.PostAsync(Factory, "CHARGEBACK_REVERSED", true, "REVERSED00000001", paid.Psp, paid.Reference, 10_000);
        await HostWebhooks.PostAsync(Factory, "CHARGEBACK_REVERSED", true, "REVERSED00000001", paid.Psp, paid.Reference, 10_000);
        await Factory.DrainOutboxAsync();

        Assert.Equal(0, await paid.Pay.BalanceAsync(paid.Invoice));
        Assert.Equal(0, await UnprocessedAsync());
    }

    [DbFact]
    public async Task Second_chargeback_after_a_reversal_reopens_the_invoice_again()
    {
        var paid = await PaidAsync();
        await ChargebackAsync(paid);
        await HostWebhooks.PostAsync(Factory, "CHARGEBACK_REVERSED", true, "REVERSED00000001", paid.Psp, paid.Reference, 10_000);
        await Factory.DrainOutboxAsync();

        await HostWebhooks.PostAsync(Factory, "SECOND_CHARGEBACK", true, "SECOND0000000001", paid.Psp, paid.Reference, 10_000);
        await HostWebhooks.PostAsync(Factory, "SECOND_CHARGEBACK", true, "SECOND0000000001", paid.Psp, paid.Reference, 10_000);
        await Factory.DrainOutboxAsync();
        await Factory.DrainOutboxAsync();

        Assert.Equal(10_000, await paid.Pay.BalanceAsync(paid.Invoice));
        Assert.Equal(0, await UnprocessedAsync());
        Assert.Equal(2, FinanceChargebackMails().Count);
    }

    [DbFact]
    public async Task Notification_of_chargeback_is_recorded_as_information_and_changes_no_balance()
    {
        var paid = await PaidAsync();

        await HostWebhooks.PostAsync(Factory, "NOTIFICATION_OF_CHARGEBACK", true, "NOTICE0000000001", paid.Psp, paid.Reference, 10_000);
        await Factory.DrainOutboxAsync();
        await Factory.DrainOutboxAsync();

        Assert.Equal(0, await paid.Pay.BalanceAsync(paid.Invoice));
        Assert.Equal(0, await UnprocessedAsync());
        Assert.Empty(FinanceChargebackMails());
    }
}

public sealed class ChargebackLifecycleHttpTestsOnSqlite() : ChargebackLifecycleHttpTests(SqlDialect.Sqlite);

public sealed class ChargebackLifecycleHttpTestsOnPostgres() : ChargebackLifecycleHttpTests(SqlDialect.Postgres), IPostgresTest;
