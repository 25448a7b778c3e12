using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>
/// Saving a card while paying: the AUTHORISATION webhook and the synchronous answer may land in either order or at once.
/// Whichever comes first sets the status; the other still fills in the token, brand and last 4, once.
/// </summary>
public abstract class SaveCardRaceHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    private async Task<PaymentFixture> ArrangeAsync()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await pay.InvoiceAsync("INV-1", 100_000, dueInDays: 5);
        pay.Emulator.Chaos.HoldWebhooks = true;
        return pay;
    }

    private async Task<JsonElement> MethodsAsync(PaymentFixture pay) =>
        await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payment-methods");

    private async Task<JsonElement> PaymentAsync(PaymentFixture pay, string paymentId) =>
        await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payments/{paymentId}");

    // The webhook lands first: the answer is lost on the way (the payment stays unknown), the webhook settles it,
    // then the client's retry with the same key gets the processor's replayed answer.
    private async Task<string> PayWebhookFirstAsync(PaymentFixture pay, string key, string number, int deliveries)
    {
        pay.Emulator.Chaos.DropResponseAfterChargeNext(1);
        var first = await (await pay.PayAsync(key, 1_000, PaymentFixture.Card(number: number), save: true)).Content.ReadFromJsonAsync<JsonElement>();
        await pay.Emulator.ReleaseHeldWebhooksAsync(reverseOrder: false, CancellationToken.None);
        await pay.SettleWebhooksAsync(deliveries);
        return first.GetProperty("paymentId").GetString()!;
    }

    [DbFact]
    public async Task Save_card_when_the_answer_lands_first_saves_it_once_with_brand_and_last4()
    {
        var pay = await ArrangeAsync();

        var paid = await (await pay.PayAsync("key-1", 1_000, PaymentFixture.Card(), save: true)).Content.ReadFromJsonAsync<JsonElement>();
        await pay.Emulator.ReleaseHeldWebhooksAsync(reverseOrder: false, CancellationToken.None);
        await pay.SettleWebhooksAsync(1);

        var method = Assert.Single((await MethodsAsync(pay)).EnumerateArray());
        Assert.Equal("visa", method.GetProperty("brand").GetString());
        Assert.Equal("1111", method.GetProperty("last4").GetString());
        Assert.Equal("1111", paid.GetProperty("method").GetProperty("last4").GetString());
    }

    [DbFact]
    public async Task Save_card_when_the_webhook_lands_first_still_saves_it_with_brand_last4_and_expiry()
    {
        var pay = await ArrangeAsync();
        var paymentId = await PayWebhookFirstAsync(pay, "key-1", "4111111111111111", 1);
        var afterWebhook = await MethodsAsync(pay);

        var retried = await (await pay.PayAsync("key-1", 1_000, PaymentFixture.Card(), save: true)).Content.ReadFromJsonAsync<JsonElement>();
        await Factory.DrainOutboxAsync();

        var method = Assert.Single((await MethodsAsync(pay)).EnumerateArray());
        Assert.Equal(1, afterWebhook.GetArrayLength());
        Assert.Equal("visa", method.GetProperty("brand").GetString());
        Assert.Equal("1111", method.GetProperty("last4").GetString());
        Assert.Equal(3, method.GetProperty("expiryMonth").GetInt32());
        Assert.Equal(2030, method.GetProperty("expiryYear").GetInt32());
        Assert.Equal("authorised", retried.GetProperty("status").GetString());
        var detail = await PaymentAsync(pay, paymentId);
        Assert.Equal("visa", detail.GetProperty("method").GetProperty("brand").GetString());
        Assert.Equal("1111", detail.GetProperty("method").GetProperty("last4").GetString());
        Assert.Equal(1, await HostWebhooks.PublishedAsync(Factory, "PaymentSucceededEvent"));
    }

    [DbFact]
    public async Task Four_cards_saved_while_their_webhooks_land_first_are_four_saved_methods()
    {
        var pay = await ArrangeAsync();
        string[] cards = ["4111111111111111", "5555444433331111", "4988438843884305", "6011601160116611"];

        foreach (var (number, i) in cards.Select((n, i) => (n, i)))
            await PayWebhookFirstAsync(pay, $"key-{i}", number, i + 1);

        var methods = (await MethodsAsync(pay)).EnumerateArray().ToList();
        Assert.Equal(4, methods.Count);
        Assert.All(methods, m => Assert.False(string.IsNullOrEmpty(m.GetProperty("brand").GetString())));
        Assert.Equal(cards.Select(c => c[^4..]).Order(), methods.Select(m => m.GetProperty("last4").GetString()!).Order());
        Assert.Single(methods, m => m.GetProperty("isDefault").GetBoolean());
    }

    [DbFact]
    public async Task Save_card_when_the_answer_and_the_webhook_land_at_once_saves_it_once()
    {
        var pay = await ArrangeAsync();
        pay.Emulator.Chaos.DropResponseAfterChargeNext(1);
        var first = await (await pay.PayAsync("key-1", 1_000, PaymentFixture.Card(), save: true)).Content.ReadFromJsonAsync<JsonElement>();
        await pay.Emulator.ReleaseHeldWebhooksAsync(reverseOrder: false, CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (pay.Emulator.SentWebhooks.Count < 1 && DateTime.UtcNow < deadline)
            await Task.Delay(20);

        await Task.WhenAll(pay.PayAsync("key-1", 1_000, PaymentFixture.Card(), save: true), Factory.DrainOutboxAsync());
        await Factory.DrainOutboxAsync();

        var method = Assert.Single((await MethodsAsync(pay)).EnumerateArray());
        Assert.Equal("1111", method.GetProperty("last4").GetString());
        Assert.Equal("visa", method.GetProperty("brand").GetString());
        var detail = await PaymentAsync(pay, first.GetProperty("paymentId").GetString()!);
        Assert.Equal("authorised", detail.GetProperty("status").GetString());
        Assert.Equal("1111", detail.GetProperty("method").GetProperty("last4").GetString());
        Assert.Equal(1, await HostWebhooks.PublishedAsync(Factory, "PaymentSucceededEvent"));
    }

    [DbFact]
    public async Task Authorisation_webhook_with_only_the_old_recurring_token_name_saves_the_card()
    {
        var pay = await ArrangeAsync();
        pay.Emulator.Chaos.DropResponseAfterChargeNext(1);
        var first = await (await pay.PayAsync("key-1", 1_000, PaymentFixture.Card(), save: true)).Content.ReadFromJsonAsync<JsonElement>();
        var charge = pay.Emulator.Charges.Single();

        await HostWebhooks.PostAsync(Factory, "AUTHORISATION", true, charge.PspReference, null, charge.Reference, 1_000,
            new Dictionary<string, string> { ["recurring.recurringDetailReference"] = charge.Tokenization!.StoredPaymentMethodId },
            paymentMethod: "visa", reason: "123456:1111:03/2030");
        await Factory.DrainOutboxAsync();

        var method = Assert.Single((await MethodsAsync(pay)).EnumerateArray());
        Assert.Equal("1111", method.GetProperty("last4").GetString());
        Assert.Equal("visa", method.GetProperty("brand").GetString());
        Assert.Equal("authorised", (await PaymentAsync(pay, first.GetProperty("paymentId").GetString()!)).GetProperty("status").GetString());
    }
}

public sealed class SaveCardRaceHttpTestsOnSqlite() : SaveCardRaceHttpTests(SqlDialect.Sqlite);

public sealed class SaveCardRaceHttpTestsOnPostgres() : SaveCardRaceHttpTests(SqlDialect.Postgres), IPostgresTest;
