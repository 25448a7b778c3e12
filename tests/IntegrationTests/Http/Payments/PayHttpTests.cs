using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Payments;

public abstract class PayHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Pay_without_allocations_covers_the_oldest_due_invoice_first()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var older = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        var newer = await pay.InvoiceAsync("INV-2", 20_000, dueInDays: 20);

        var response = await pay.PayAsync("key-1", 15_000, PaymentFixture.Card());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("authorised", body.GetProperty("status").GetString());
        Assert.Equal("visa", body.GetProperty("method").GetProperty("brand").GetString());
        Assert.Equal("1111", body.GetProperty("method").GetProperty("last4").GetString());
        Assert.Equal(0, await pay.BalanceAsync(older));
        Assert.Equal(15_000, await pay.BalanceAsync(newer));
    }

    [DbFact]
    public async Task Payment_history_lists_payments_newest_first_in_pages()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await pay.InvoiceAsync("INV-1", 30_000, dueInDays: 5);
        var first = await (await pay.PayAsync("key-1", 10_000, PaymentFixture.Card())).Content.ReadFromJsonAsync<JsonElement>();
        pay.Portal.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await (await pay.PayAsync("key-2", 5_000, PaymentFixture.Card())).Content.ReadFromJsonAsync<JsonElement>();

        var page1 = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payments?limit=1");
        var cursor = page1.GetProperty("nextCursor").GetString();
        var page2 = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payments?limit=1&cursor={cursor}");

        Assert.Equal(second.GetProperty("paymentId").GetString(), Assert.Single(page1.GetProperty("items").EnumerateArray()).GetProperty("paymentId").GetString());
        var last = Assert.Single(page2.GetProperty("items").EnumerateArray());
        Assert.Equal(first.GetProperty("paymentId").GetString(), last.GetProperty("paymentId").GetString());
        Assert.Equal(10_000, last.GetProperty("amount").GetProperty("value").GetInt64());
        Assert.Equal(JsonValueKind.Null, page2.GetProperty("nextCursor").ValueKind);
    }

    [DbFact]
    public async Task Pay_more_than_is_open_is_refused_and_charges_nothing()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);

        var response = await pay.PayAsync("key-1", 10_001, PaymentFixture.Card());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("amount_exceeds_open_balance", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(0, pay.Emulator.ChargeCount);
    }

    [DbFact]
    public async Task Pay_part_of_an_invoice_that_does_not_allow_it_is_refused()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5, allowPartial: false);

        var response = await pay.PayAsync("key-1", 4_000, PaymentFixture.Card(), [new { invoiceId = invoice, amount = new { currency = "USD", value = 4_000 } }]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("partial_payment_not_allowed", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [DbFact]
    public async Task Pay_again_with_the_same_key_returns_the_first_answer_and_another_body_is_409()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);

        var first = await (await pay.PayAsync("key-1", 4_000, PaymentFixture.Card())).Content.ReadFromJsonAsync<JsonElement>();
        var replay = await pay.PayAsync("key-1", 4_000, PaymentFixture.Card());
        var other = await pay.PayAsync("key-1", 5_000, PaymentFixture.Card());

        Assert.Equal(first.GetProperty("paymentId").GetString(), (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentId").GetString());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(1, pay.Emulator.ChargeCount);
    }

    [DbFact]
    public async Task Refused_card_says_why_and_leaves_the_balance_open()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);

        var body = await (await pay.PayAsync("key-1", 10_000, PaymentFixture.Card("DECLINED"))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("refused", body.GetProperty("status").GetString());
        Assert.Equal("Refused", body.GetProperty("refusalReason").GetString());
        Assert.Equal(10_000, await pay.BalanceAsync(invoice));
        Assert.Equal(0, await pay.PendingAsync(invoice));
    }

    [DbFact]
    public async Task Six_payments_of_one_balance_at_once_charge_exactly_once()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => pay.PayAsync($"key-{i}", 10_000, PaymentFixture.Card())));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode));
        Assert.Equal(1, pay.Emulator.ChargeCount);
        Assert.Equal(0, await pay.BalanceAsync(invoice));
    }

    [DbFact]
    public async Task Lost_answer_after_the_charge_is_unknown_and_a_retry_charges_once()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        pay.Emulator.Chaos.DropResponseAfterChargeNext(1);

        var lost = await (await pay.PayAsync("key-1", 10_000, PaymentFixture.Card())).Content.ReadFromJsonAsync<JsonElement>();
        var retried = await (await pay.PayAsync("key-1", 10_000, PaymentFixture.Card())).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("unknown", lost.GetProperty("status").GetString());
        Assert.Equal("authorised", retried.GetProperty("status").GetString());
        Assert.Equal(1, pay.Emulator.ChargeCount);
        Assert.Equal(0, await pay.BalanceAsync(invoice));
    }

    [DbFact]
    public async Task Ach_payment_is_pending_until_the_bank_confirms_then_applied()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);

        var body = await (await pay.PayAsync("key-1", 10_000, PaymentFixture.Ach())).Content.ReadFromJsonAsync<JsonElement>();
        var pendingBefore = await pay.PendingAsync(invoice);
        await pay.Emulator.SettlePendingAchAsync(CancellationToken.None);
        await pay.SettleWebhooksAsync(1);

        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.Equal(10_000, pendingBefore);
        Assert.Equal(0, await pay.BalanceAsync(invoice));
        var payment = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payments/{body.GetProperty("paymentId").GetString()}");
        Assert.Equal("authorised", payment.GetProperty("status").GetString());
    }

    [DbFact]
    public async Task Ach_payment_the_bank_refuses_releases_the_balance_and_emails_the_payer()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        var body = await (await pay.PayAsync("key-1", 10_000, PaymentFixture.Ach())).Content.ReadFromJsonAsync<JsonElement>();
        var psp = pay.Emulator.Charges.Single().PspReference;

        await pay.Emulator.FailAchAsync(psp, CancellationToken.None);
        await pay.SettleWebhooksAsync(1);
        await Factory.DrainOutboxAsync();

        Assert.Equal(10_000, await pay.BalanceAsync(invoice));
        Assert.Equal(0, await pay.PendingAsync(invoice));
        // Refused at authorisation: a failure notice; "returned" is only for money taken back after it was accepted.
        Assert.Contains(Factory.Mailbox.To("payer@example.test"), m => m.Subject.StartsWith("Payment not completed"));
        Assert.DoesNotContain(Factory.Mailbox.To("payer@example.test"), m => m.Subject.StartsWith("Bank payment returned"));
        Assert.Equal("pending", body.GetProperty("status").GetString());
    }
}

public sealed class PayHttpTestsOnSqlite() : PayHttpTests(SqlDialect.Sqlite);

public sealed class PayHttpTestsOnPostgres() : PayHttpTests(SqlDialect.Postgres), IPostgresTest;
