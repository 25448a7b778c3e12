using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Payments.Adyen;

namespace Portal.IntegrationTests.Http.Payments;

public abstract class ReconciliationHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Report_matches_confirmed_payments_and_refunds_and_lists_each_difference()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        await pay.InvoiceAsync("INV-2", 4_000, dueInDays: 9);
        var card = (await (await pay.PayAsync("key-1", 10_000, PaymentFixture.Card())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentId").GetString();
        await pay.PayAsync("key-2", 4_000, PaymentFixture.Ach());
        await Factory.AddStaffAsync("fin");
        var finance = await Factory.LoginAsync("fin");
        await finance.PostAsJsonAsync($"/api/backoffice/payments/{card}/refunds", new { amount = new { currency = "USD", value = 1_000 } });
        // The card's AUTHORISATION and the REFUND; the ACH payment stays pending (tests settle ACH by hand).
        await pay.SettleWebhooksAsync(2);
        await PostStrayAuthorisationAsync();

        var report = await finance.GetFromJsonAsync<JsonElement>("/api/backoffice/reports/reconciliation?from=2026-03-02&thru=2026-03-02");
        var kinds = report.GetProperty("differences").EnumerateArray().Select(d => d.GetProperty("kind").GetString()).ToList();

        Assert.Equal(2, report.GetProperty("matched").GetInt32());
        Assert.Contains("missing_at_processor", kinds);
        Assert.Contains("missing_in_ledger", kinds);
        Assert.Equal(9_000, report.GetProperty("ledgerNet").GetProperty("value").GetInt64());
    }

    [DbFact]
    public async Task Report_nets_a_cancelled_authorisation_and_a_refund_that_failed_to_nothing_on_both_sides()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        await pay.InvoiceAsync("INV-2", 6_000, dueInDays: 9);
        var kept = (await (await pay.PayAsync("key-1", 10_000, PaymentFixture.Card())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentId").GetString()!;
        var voided = (await (await pay.PayAsync("key-2", 6_000, PaymentFixture.Card())).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentId").GetString()!;
        await pay.SettleWebhooksAsync(2);
        await Factory.AddStaffAsync("fin");
        var finance = await Factory.LoginAsync("fin");
        pay.Emulator.Chaos.HoldWebhooks = true;
        var refund = await finance.PostAsJsonAsync($"/api/backoffice/payments/{kept}/refunds", new { amount = new { currency = "USD", value = 2_500 } });
        var refundRef = Guid.Parse((await refund.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refundId").GetString()!).ToString("N");
        var keptPsp = pay.Emulator.Charges[0].PspReference;
        await HostWebhooks.PostAsync(Factory, EventCodes.Refund, true, "REFUND0000000001", keptPsp, refundRef, 2_500);
        await HostWebhooks.PostAsync(Factory, EventCodes.RefundFailed, true, "REFUNDFAIL000001", keptPsp, refundRef, 2_500);
        await HostWebhooks.PostAsync(Factory, EventCodes.Cancellation, true, "CANCEL0000000001", pay.Emulator.Charges[1].PspReference,
            Guid.Parse(voided).ToString("N"), 6_000);
        await Factory.DrainOutboxAsync();

        var report = await finance.GetFromJsonAsync<JsonElement>("/api/backoffice/reports/reconciliation?from=2026-03-02&thru=2026-03-02");

        Assert.Equal("cancelled", await HostWebhooks.PaymentStatusAsync(Factory, voided));
        Assert.Empty(report.GetProperty("differences").EnumerateArray());
        Assert.Equal(3, report.GetProperty("matched").GetInt32());
        Assert.Equal(10_000, report.GetProperty("processorNet").GetProperty("value").GetInt64());
        Assert.Equal(10_000, report.GetProperty("ledgerNet").GetProperty("value").GetInt64());
    }

    private async Task PostStrayAuthorisationAsync()
    {
        var options = Factory.Services.GetRequiredService<AdyenOptions>();
        var item = AdyenHmac.WithSignature(new NotificationItem
        {
            EventCode = EventCodes.Authorisation, Success = "true", EventDate = "2026-03-02T15:00:00+00:00", MerchantAccountCode = options.MerchantAccount,
            MerchantReference = Guid.NewGuid().ToString("N"), PspReference = "STRAY00000000001", Amount = new Amount("USD", 777),
        }, options.HmacKey);
        (await SignedWebhook.PostAsync(CreateClient(), item, options.WebhookUsername, options.WebhookPassword)).EnsureSuccessStatusCode();
    }
}

public sealed class ReconciliationHttpTestsOnSqlite() : ReconciliationHttpTests(SqlDialect.Sqlite);

public sealed class ReconciliationHttpTestsOnPostgres() : ReconciliationHttpTests(SqlDialect.Postgres), IPostgresTest;
