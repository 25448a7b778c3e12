using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using static Portal.IntegrationTests.Http.Payments.AutopayFixture;

namespace Portal.IntegrationTests.Http.Payments;

public abstract class AutopayRulesHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Autopay_settings_keep_chargeOn_and_maxAmount_and_refuse_bad_values()
    {
        var pay = await WithAutopayAsync(Factory);
        var method = await MethodIdAsync(pay);

        var put = await pay.User.PutAsJsonAsync($"/api/accounts/{pay.Account}/autopay",
            new { enabled = true, paymentMethodId = method, chargeOn = "posting", maxAmount = new { currency = "USD", value = 25_000 } });
        var got = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/autopay");
        var badDay = await pay.User.PutAsJsonAsync($"/api/accounts/{pay.Account}/autopay", new { enabled = true, paymentMethodId = method, chargeOn = "weekly" });
        var badLimit = await pay.User.PutAsJsonAsync($"/api/accounts/{pay.Account}/autopay",
            new { enabled = true, paymentMethodId = method, maxAmount = new { currency = "USD", value = -5 } });

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal("posting", got.GetProperty("chargeOn").GetString());
        Assert.Equal(25_000, got.GetProperty("maxAmount").GetProperty("value").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, badDay.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
    }

    [DbFact]
    public async Task Invoice_above_the_limit_is_not_charged_and_the_account_is_emailed_once()
    {
        var pay = await WithAutopayAsync(Factory, settings: m => new { enabled = true, paymentMethodId = m, maxAmount = new { currency = "USD", value = 5_000 } });
        var big = await pay.InvoiceAsync("INV-BIG", 8_900, dueInDays: 0);
        var small = await pay.InvoiceAsync("INV-SMALL", 4_000, dueInDays: 0);
        var charges = pay.Emulator.ChargeCount;

        await RunAsync(Factory);
        await RunAsync(Factory);

        Assert.Equal(charges + 1, pay.Emulator.ChargeCount);
        Assert.Equal(8_900, await pay.BalanceAsync(big));
        Assert.Equal(0, await pay.BalanceAsync(small));
        await Factory.DrainOutboxAsync();   // the over-limit email goes through the outbox
        var mail = Assert.Single(Mails(Factory, "Autopay will not charge invoice INV-BIG"));
        Assert.Contains("$50.00", mail.Text);
        Assert.DoesNotContain("INV-BIG", await PlannedAsync(Factory, pay.Account));
    }

    [DbFact]
    public async Task Skipped_invoice_leaves_the_plan_and_is_not_charged_on_its_due_date()
    {
        var pay = await WithAutopayAsync(Factory);
        var skipped = await pay.InvoiceAsync("INV-SKIP", 8_900, dueInDays: 5);
        await pay.InvoiceAsync("INV-KEEP", 3_000, dueInDays: 5);
        var charges = pay.Emulator.ChargeCount;

        var skip = await pay.User.PostAsJsonAsync($"/api/accounts/{pay.Account}/autopay/skips", new { invoiceId = skipped });
        var again = await pay.User.PostAsJsonAsync($"/api/accounts/{pay.Account}/autopay/skips", new { invoiceId = skipped });
        var unknown = await pay.User.PostAsJsonAsync($"/api/accounts/{pay.Account}/autopay/skips", new { invoiceId = Guid.NewGuid() });
        var planned = await PlannedAsync(Factory, pay.Account);
        Factory.Clock.Advance(TimeSpan.FromDays(5));
        await RunAsync(Factory);

        Assert.Equal(HttpStatusCode.NoContent, skip.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(["INV-KEEP"], planned);
        Assert.Equal(charges + 1, pay.Emulator.ChargeCount);
        Assert.Equal(8_900, await pay.BalanceAsync(skipped));
    }

    [DbFact]
    public async Task Skip_page_asks_a_signed_in_billing_member_to_confirm_and_hides_other_accounts_invoices()
    {
        var pay = await WithAutopayAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-SKIP", 8_900, dueInDays: 5);
        var other = await Factory.CreateAccountAsync("A-900", "Elsewhere");

        var page = await pay.User.GetStringAsync($"/autopay/skip?account={pay.Account}&invoice={invoice}");
        var foreign = await pay.User.GetAsync($"/autopay/skip?account={other}&invoice={invoice}");
        var anonymous = await Factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync($"/autopay/skip?account={pay.Account}&invoice={invoice}");

        var url = $"/autopay/skip?account={pay.Account}&invoice={invoice}";
        var forged = await pay.User.PostAsync(url, new FormUrlEncodedContent([]));
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var confirmed = await pay.User.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Contains("Skip this invoice", page);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True(confirmed.IsSuccessStatusCode || confirmed.StatusCode == HttpStatusCode.Redirect, confirmed.StatusCode.ToString());
        Assert.DoesNotContain("INV-SKIP", await PlannedAsync(Factory, pay.Account));
    }

    [DbFact]
    public async Task Summary_shows_the_next_autopay_charge_with_date_amount_invoice_and_card()
    {
        var pay = await WithAutopayAsync(Factory);
        await pay.InvoiceAsync("INV-LATER", 5_000, dueInDays: 9);
        var soon = await pay.InvoiceAsync("INV-SOON", 8_900, dueInDays: 4);

        var summary = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/summary");

        var next = summary.GetProperty("autopay").GetProperty("nextCharge");
        Assert.True(summary.GetProperty("autopay").GetProperty("enabled").GetBoolean());
        Assert.Equal(soon.ToString(), next.GetProperty("invoiceId").GetString());
        Assert.Equal("INV-SOON", next.GetProperty("invoiceNumber").GetString());
        Assert.Equal(Factory.Clock.Today.AddDays(4).ToString("yyyy-MM-dd"), next.GetProperty("date").GetString());
        Assert.Equal(8_900, next.GetProperty("amount").GetProperty("value").GetInt64());
        Assert.Equal("1111", next.GetProperty("method").GetProperty("last4").GetString());
    }

    [DbFact]
    public async Task Charge_on_posting_charges_an_invoice_not_yet_due_at_the_next_run()
    {
        var pay = await WithAutopayAsync(Factory, settings: m => new { enabled = true, paymentMethodId = m, chargeOn = "posting" });
        var invoice = await pay.InvoiceAsync("INV-NEW", 8_900, dueInDays: 20);
        var planned = (await Factory.SendAsync(new Portal.Modules.Payments.Contracts.Autopay.GetAutopayPlanQuery(pay.Account))).Charges.Single();

        await RunAsync(Factory);

        Assert.Equal(Factory.Clock.Today, planned.ChargeOn);
        Assert.Equal(0, await pay.BalanceAsync(invoice));
    }
}

public sealed class AutopayRulesHttpTestsOnSqlite() : AutopayRulesHttpTests(SqlDialect.Sqlite);

public sealed class AutopayRulesHttpTestsOnPostgres() : AutopayRulesHttpTests(SqlDialect.Postgres), IPostgresTest;
