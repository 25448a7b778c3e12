using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>
/// A 500 from the processor on POST /payments means the request reached it: the customer gets the payment as unknown (no
/// 500), its invoice stays held, and the resolver's cancel by our reference releases it.
/// </summary>
public abstract class ProcessorErrorPayHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Processor_500_on_pay_answers_unknown_and_the_resolver_releases_the_invoice()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        pay.Emulator.Chaos.FailNext(1);
        object[] allocation = [new { invoiceId = invoice, amount = new { currency = "USD", value = 10_000 } }];

        var response = await pay.PayAsync("key-1", 10_000, PaymentFixture.Card(), allocation);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var heldAfterPay = await pay.PendingAsync(invoice);
        Factory.Clock.Advance(TimeSpan.FromMinutes(6));
        await Factory.SendAsync(new ResolveStalePaymentsCommand());
        await pay.SettleWebhooksAsync(1);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal("unknown", body.GetProperty("status").GetString());
        Assert.Equal(10_000, heldAfterPay);
        Assert.Equal(EventCodes.TechnicalCancel, pay.Emulator.SentWebhooks[0].Item.EventCode);
        Assert.Equal("cancelled", await HostWebhooks.PaymentStatusAsync(Factory, body.GetProperty("paymentId").GetString()!));
        Assert.Equal(0, await pay.PendingAsync(invoice));
        Assert.Equal(10_000, await pay.BalanceAsync(invoice));
        Assert.Empty(pay.Emulator.Charges);
    }
}

public sealed class ProcessorErrorPayHttpTestsOnSqlite() : ProcessorErrorPayHttpTests(SqlDialect.Sqlite);

public sealed class ProcessorErrorPayHttpTestsOnPostgres() : ProcessorErrorPayHttpTests(SqlDialect.Postgres), IPostgresTest;
