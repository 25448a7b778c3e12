using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>An amount is applied only to invoices the customer sees (cutover), oldest due first, pay-in-full ones only in full.</summary>
public abstract class AutoApplyHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Portal:InvoiceCutoverDate"] = "2026-02-01" };

    // Dated before the cutover and due before every visible invoice, so "oldest first" would pick it.
    private async Task<Guid> OldSystemInvoiceAsync(PaymentFixture pay) =>
        (await Factory.SendAsync(new CreateInvoiceCommand(pay.Account, "OLD-1", new DateOnly(2026, 1, 15), new DateOnly(2026, 2, 14), null,
            [new InvoiceLineInputDto("Lawn care", 1m, Money.Dollars(5_000))]))).InvoiceId;

    private Task<long> RawBalanceAsync(Guid invoiceId) =>
        HostWebhooks.ScalarAsync(Factory, "select balance_minor from invoicing_invoices where id = @Id", new { Id = invoiceId });

    [DbFact]
    public async Task Pay_amount_skips_invoices_dated_before_the_cutover()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var old = await OldSystemInvoiceAsync(pay);
        var visible = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);

        var response = await pay.PayAsync("key-1", 3_000, PaymentFixture.Card());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(7_000, await pay.BalanceAsync(visible));
        Assert.Equal(5_000, await RawBalanceAsync(old));
    }

    [DbFact]
    public async Task Pay_amount_above_what_the_customer_sees_is_refused_even_when_hidden_invoices_would_cover_it()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var old = await OldSystemInvoiceAsync(pay);
        var visible = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);

        var response = await pay.PayAsync("key-1", 12_000, PaymentFixture.Card());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("amount_exceeds_open_balance", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(0, pay.Emulator.ChargeCount);
        Assert.Equal(10_000, await pay.BalanceAsync(visible));
        Assert.Equal(5_000, await RawBalanceAsync(old));
    }

    [DbFact]
    public async Task Pay_allocation_to_an_invoice_dated_before_the_cutover_is_not_found()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var old = await OldSystemInvoiceAsync(pay);

        var response = await pay.PayAsync("key-1", 1_000, PaymentFixture.Card(), [new { invoiceId = old, amount = new { currency = "USD", value = 1_000 } }]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, pay.Emulator.ChargeCount);
        Assert.Equal(5_000, await RawBalanceAsync(old));
    }

    [DbFact]
    public async Task Pay_amount_moves_past_an_oldest_invoice_that_must_be_paid_in_full()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var whole = await pay.InvoiceAsync("INV-1", 5_000, dueInDays: 5, allowPartial: false);
        var next = await pay.InvoiceAsync("INV-2", 3_000, dueInDays: 15);

        var response = await pay.PayAsync("key-1", 2_000, PaymentFixture.Card());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("authorised", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(5_000, await pay.BalanceAsync(whole));
        Assert.Equal(1_000, await pay.BalanceAsync(next));
    }
}

public sealed class AutoApplyHttpTestsOnSqlite() : AutoApplyHttpTests(SqlDialect.Sqlite);

public sealed class AutoApplyHttpTestsOnPostgres() : AutoApplyHttpTests(SqlDialect.Postgres), IPostgresTest;
