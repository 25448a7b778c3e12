using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Payments;

public abstract class SavedMethodHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Saved_card_pays_the_next_invoice_and_can_be_deleted_here_and_at_the_processor()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var first = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        var second = await pay.InvoiceAsync("INV-2", 7_000, dueInDays: 15);
        await pay.PayAsync("key-1", 10_000, PaymentFixture.Card(), save: true);
        await Factory.DrainOutboxAsync();

        var methods = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payment-methods");
        var saved = methods[0];
        var again = await (await pay.PayAsync("key-2", 7_000, new { storedPaymentMethodId = saved.GetProperty("paymentMethodId").GetGuid() }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var delete = await pay.User.DeleteAsync($"/api/accounts/{pay.Account}/payment-methods/{saved.GetProperty("paymentMethodId").GetString()}");
        var after = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payment-methods");

        Assert.Equal("card", saved.GetProperty("type").GetString());
        Assert.Equal("1111", saved.GetProperty("last4").GetString());
        Assert.Equal(3, saved.GetProperty("expiryMonth").GetInt32());
        Assert.Equal(2030, saved.GetProperty("expiryYear").GetInt32());
        Assert.True(saved.GetProperty("isDefault").GetBoolean());
        Assert.Equal("authorised", again.GetProperty("status").GetString());
        Assert.Equal(0, await pay.BalanceAsync(first) + await pay.BalanceAsync(second));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(0, after.GetArrayLength());
        Assert.Contains(Factory.Mailbox.To("payer@example.test"), m => m.Subject.StartsWith("Payment received"));
    }

    [DbFact]
    public async Task Second_saved_method_becomes_the_default_when_chosen()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        await pay.PayAsync("key-1", 1_000, PaymentFixture.Card(), save: true);
        await pay.PayAsync("key-2", 1_000, PaymentFixture.Card(number: "5555444433331111"), save: true);
        var methods = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payment-methods");
        var second = methods.EnumerateArray().Single(m => m.GetProperty("last4").GetString() == "1111" && m.GetProperty("brand").GetString() == "mc");

        var put = await pay.User.PutAsync($"/api/accounts/{pay.Account}/payment-methods/{second.GetProperty("paymentMethodId").GetString()}/default", null);
        var after = await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payment-methods");

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Single(after.EnumerateArray(), m => m.GetProperty("isDefault").GetBoolean());
        Assert.Equal("mc", after[0].GetProperty("brand").GetString());
    }

    [DbFact]
    public async Task Saved_method_of_another_account_cannot_be_used_or_deleted()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        await pay.PayAsync("key-1", 5_000, PaymentFixture.Card(), save: true);
        var methodId = (await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payment-methods"))[0].GetProperty("paymentMethodId").GetString();
        var otherAccount = await Factory.CreateAccountAsync("A-600", "Elsewhere");
        await Factory.AddMemberAsync(otherAccount, "stranger", Portal.Modules.Identity.Contracts.AccountRole.Admin);
        var stranger = await Factory.LoginAsync("stranger");

        var delete = await stranger.DeleteAsync($"/api/accounts/{otherAccount}/payment-methods/{methodId}");
        var deleteViaOther = await stranger.DeleteAsync($"/api/accounts/{pay.Account}/payment-methods/{methodId}");

        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deleteViaOther.StatusCode);
    }
}

public sealed class SavedMethodHttpTestsOnSqlite() : SavedMethodHttpTests(SqlDialect.Sqlite);

public sealed class SavedMethodHttpTestsOnPostgres() : SavedMethodHttpTests(SqlDialect.Postgres), IPostgresTest;
