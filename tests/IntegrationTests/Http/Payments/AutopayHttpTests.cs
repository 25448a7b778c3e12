using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Payments;

public abstract class AutopayHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Autopay_turns_on_with_a_saved_method_shows_in_the_summary_and_stops_when_the_method_is_removed()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        await pay.PayAsync("key-1", 5_000, PaymentFixture.Card(), save: true);
        await Factory.AddStaffAsync("fin");
        var methodId = (await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payment-methods"))[0].GetProperty("paymentMethodId").GetString();
        var before = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/autopay");

        var put = await pay.User.PutAsJsonAsync($"/api/accounts/{pay.Account}/autopay", new { enabled = true, paymentMethodId = methodId });
        var summary = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/summary");
        await pay.User.DeleteAsync($"/api/accounts/{pay.Account}/payment-methods/{methodId}");
        await Factory.DrainOutboxAsync();
        var after = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/autopay");

        Assert.False(before.GetProperty("enabled").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.True(summary.GetProperty("autopay").GetProperty("enabled").GetBoolean());
        Assert.Equal(5_000, summary.GetProperty("openBalance").GetProperty("value").GetInt64());
        Assert.False(after.GetProperty("enabled").GetBoolean());
        Assert.Single(Factory.Mailbox.To("payer@example.test"), m => m.Subject.StartsWith("Autopay is off"));
        Assert.Single(Factory.Mailbox.To("fin@provider.test"), m => m.Subject.StartsWith("Autopay is off"));
    }

    [DbFact]
    public async Task Autopay_with_another_accounts_method_or_none_is_refused()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);

        var none = await pay.User.PutAsJsonAsync($"/api/accounts/{pay.Account}/autopay", new { enabled = true });
        var foreign = await pay.User.PutAsJsonAsync($"/api/accounts/{pay.Account}/autopay", new { enabled = true, paymentMethodId = Guid.NewGuid() });
        var missing = await pay.User.PutAsJsonAsync($"/api/accounts/{pay.Account}/autopay", new { paymentMethodId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Equal("payment_method_not_found", (await foreign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }
}

public sealed class AutopayHttpTestsOnSqlite() : AutopayHttpTests(SqlDialect.Sqlite);

public sealed class AutopayHttpTestsOnPostgres() : AutopayHttpTests(SqlDialect.Postgres), IPostgresTest;
