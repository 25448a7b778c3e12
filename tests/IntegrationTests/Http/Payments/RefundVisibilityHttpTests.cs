using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>Refunds reach the customer (status, amounts, dates) and a repeated refund request refunds once.</summary>
public abstract class RefundVisibilityHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    private async Task<(PaymentFixture Pay, string PaymentId, HttpClient Finance)> PaidAsync()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        var paymentId = (await (await pay.PayAsync("key-1", 10_000, PaymentFixture.Card())).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("paymentId").GetString()!;
        await Factory.AddStaffAsync("fin");
        return (pay, paymentId, await Factory.LoginAsync("fin"));
    }

    private static Task<HttpResponseMessage> RefundAsync(HttpClient finance, string paymentId, long cents, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/backoffice/payments/{paymentId}/refunds")
        {
            Content = JsonContent.Create(new { amount = new { currency = "USD", value = cents } }),
        };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return finance.SendAsync(request);
    }

    private async Task RefundAndSettleAsync(PaymentFixture pay, HttpClient finance, string paymentId, long cents, string key)
    {
        var sent = pay.Emulator.SentWebhooks.Count;
        (await RefundAsync(finance, paymentId, cents, key)).EnsureSuccessStatusCode();
        await pay.SettleWebhooksAsync(sent + 1);
    }

    [DbFact]
    public async Task Refunded_part_of_a_payment_reads_partially_refunded_with_its_refunds_in_detail_and_history()
    {
        var (pay, paymentId, finance) = await PaidAsync();

        await RefundAndSettleAsync(pay, finance, paymentId, 2_500, "refund-1");

        var detail = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payments/{paymentId}");
        var history = (await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payments")).GetProperty("items")[0];
        foreach (var payment in new[] { detail, history })
        {
            Assert.Equal("partially_refunded", payment.GetProperty("status").GetString());
            var refund = Assert.Single(payment.GetProperty("refunds").EnumerateArray());
            Assert.Equal(2_500, refund.GetProperty("amount").GetProperty("value").GetInt64());
            Assert.Equal("succeeded", refund.GetProperty("status").GetString());
            Assert.Equal(Factory.Clock.GetUtcNow(), refund.GetProperty("createdAt").GetDateTimeOffset());
        }
    }

    [DbFact]
    public async Task Refunded_in_full_reads_refunded_on_the_api_and_the_payment_and_history_pages()
    {
        var (pay, paymentId, finance) = await PaidAsync();

        await RefundAndSettleAsync(pay, finance, paymentId, 2_500, "refund-1");
        await RefundAndSettleAsync(pay, finance, paymentId, 7_500, "refund-2");

        var detail = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payments/{paymentId}");
        var page = await pay.User.GetStringAsync($"/payments/{paymentId}?account={pay.Account}");
        var historyPage = await pay.User.GetStringAsync($"/payments?account={pay.Account}");
        Assert.Equal("refunded", detail.GetProperty("status").GetString());
        Assert.Equal(2, detail.GetProperty("refunds").GetArrayLength());
        Assert.Contains("Refunded", page);
        Assert.Contains("$25.00", page);
        Assert.Contains("$75.00", page);
        Assert.Contains("Refunded", historyPage);
    }

    [DbFact]
    public async Task Refund_sent_twice_with_one_idempotency_key_refunds_once_and_answers_the_same()
    {
        var (pay, paymentId, finance) = await PaidAsync();

        var first = await RefundAsync(finance, paymentId, 2_500, "refund-1");
        var second = await RefundAsync(finance, paymentId, 2_500, "refund-1");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refundId").GetString(),
            (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refundId").GetString());
        Assert.Single(pay.Emulator.Refunds);
        Assert.Equal(1, await HostWebhooks.ScalarAsync(Factory, "select count(*) from payments_refunds"));
    }

    [DbFact]
    public async Task Refund_sent_at_once_with_one_idempotency_key_refunds_once()
    {
        var (pay, paymentId, finance) = await PaidAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RefundAsync(finance, paymentId, 2_500, "refund-1")));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Conflict, a.StatusCode.ToString()));
        Assert.Single(pay.Emulator.Refunds);
        Assert.Equal(1, await HostWebhooks.ScalarAsync(Factory, "select count(*) from payments_refunds"));
    }

    [DbFact]
    public async Task Refund_with_a_used_idempotency_key_and_another_amount_is_a_conflict_and_refunds_nothing_more()
    {
        var (pay, paymentId, finance) = await PaidAsync();
        await RefundAsync(finance, paymentId, 2_500, "refund-1");

        var other = await RefundAsync(finance, paymentId, 3_000, "refund-1");

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Single(pay.Emulator.Refunds);
    }

    [DbFact]
    public async Task Refund_with_an_idempotency_key_longer_than_64_characters_is_a_bad_request()
    {
        var (pay, paymentId, finance) = await PaidAsync();

        var response = await RefundAsync(finance, paymentId, 2_500, new string('k', 65));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(pay.Emulator.Refunds);
    }
}

public sealed class RefundVisibilityHttpTestsOnSqlite() : RefundVisibilityHttpTests(SqlDialect.Sqlite);

public sealed class RefundVisibilityHttpTestsOnPostgres() : RefundVisibilityHttpTests(SqlDialect.Postgres), IPostgresTest;
