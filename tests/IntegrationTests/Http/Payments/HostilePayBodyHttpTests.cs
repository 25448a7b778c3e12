using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>Issue 12 item 9: hostile pay bodies are 400 problem details, never 500, and charge or hold nothing.</summary>
public abstract class HostilePayBodyHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Null_negative_and_overflowing_allocations_are_400_and_change_nothing()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var a = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        var b = await pay.InvoiceAsync("INV-2", 10_000, dueInDays: 6);
        const string card = """{"type":"scheme","encryptedCardNumber":"test_4111111111111111","encryptedExpiryMonth":"test_03","encryptedExpiryYear":"test_2030","encryptedSecurityCode":"test_737","holderName":"Pat"}""";
        string[] bodies =
        [
            """{"amount":{"currency":"USD","value":100},"allocations":[null],"paymentMethod":@CARD}""",
            """{"amount":{"currency":"USD","value":100},"allocations":[null,{"invoiceId":"@A","amount":{"currency":"USD","value":100}}],"paymentMethod":@CARD}""",
            """{"amount":{"currency":"USD","value":1},"allocations":[{"invoiceId":"@A","amount":{"currency":"USD","value":9223372036854775807}},{"invoiceId":"@B","amount":{"currency":"USD","value":9223372036854775807}}],"paymentMethod":@CARD}""",
            """{"amount":{"currency":"USD","value":9223372036854775807},"allocations":[{"invoiceId":"@A","amount":{"currency":"USD","value":9223372036854775807}},{"invoiceId":"@B","amount":{"currency":"USD","value":1}}],"paymentMethod":@CARD}""",
            """{"amount":{"currency":"USD","value":0},"allocations":[{"invoiceId":"@A","amount":{"currency":"USD","value":-9223372036854775808}},{"invoiceId":"@B","amount":{"currency":"USD","value":-9223372036854775808}}],"paymentMethod":@CARD}""",
            """{"amount":{"currency":"USD","value":100},"allocations":[{"invoiceId":"@A","amount":{"currency":"EUR","value":100}}],"paymentMethod":@CARD}""",
            """{"amount":{"currency":"USD","value":100},"allocations":[{"invoiceId":"@A"}],"paymentMethod":@CARD}""",
            """{"amount":{"currency":"USD","value":100},"allocations":[{"invoiceId":null,"amount":{"currency":"USD","value":100}}],"paymentMethod":@CARD}""",
            """{"amount":{"currency":"USD","value":100},"allocations":[{"invoiceId":"@A","amount":{"currency":null,"value":100}}],"paymentMethod":@CARD}""",
            """{"amount":{"currency":"USD","value":100},"paymentMethod":null}""",
            """{"amount":{"currency":"USD","value":100},"paymentMethod":{"type":"scheme"}}""",
            """{"amount":{"currency":"USD","value":9223372036854775808},"paymentMethod":@CARD}""",
            """{"amount":{"currency":"USD","value":1e3},"paymentMethod":@CARD}""",
        ];

        var wrong = new List<string>();
        for (var i = 0; i < bodies.Length; i++)
        {
            var response = await PostAsync(pay, $"hostile-{i}", bodies[i].Replace("@CARD", card).Replace("@A", a.ToString()).Replace("@B", b.ToString()));
            if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity)
                || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                wrong.Add($"body {i}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
        }

        Assert.Empty(wrong);
        Assert.Equal(0, pay.Emulator.ChargeCount);
        long[] after = [await pay.BalanceAsync(a), await pay.BalanceAsync(b), await pay.PendingAsync(a), await pay.PendingAsync(b)];
        Assert.Equal([10_000L, 10_000L, 0L, 0L], after);
        var history = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payments");
        Assert.Empty(history.GetProperty("items").EnumerateArray());
    }

    private static Task<HttpResponseMessage> PostAsync(PaymentFixture pay, string key, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/accounts/{pay.Account}/payments") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return pay.User.SendAsync(request);
    }
}

public sealed class HostilePayBodyHttpTestsOnSqlite() : HostilePayBodyHttpTests(SqlDialect.Sqlite);

public sealed class HostilePayBodyHttpTestsOnPostgres() : HostilePayBodyHttpTests(SqlDialect.Postgres), IPostgresTest;
