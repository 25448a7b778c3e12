using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>
/// A new-card payment whose answer was lost (timeout) stays unknown until its webhook comes or, after five minutes, the
/// resolver cancels it by our reference (POST /cancels, then TECHNICAL_CANCEL); whichever order they land in, money agrees.
/// </summary>
public abstract class UnknownPaymentHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    private async Task<(PaymentFixture Pay, Guid Invoice, string PaymentId)> LostAnswerAsync(PaymentFixture? existing = null, string number = "INV-1")
    {
        var pay = existing ?? await PaymentFixture.CreateAsync(Factory);
        var invoice = await pay.InvoiceAsync(number, 10_000, dueInDays: 5);
        pay.Emulator.Chaos.HoldWebhooks = true;
        pay.Emulator.Chaos.DropResponseAfterChargeNext(1);
        object[] allocation = [new { invoiceId = invoice, amount = new { currency = "USD", value = 10_000 } }];
        var body = await (await pay.PayAsync($"key-{number}", 10_000, PaymentFixture.Card(), allocation)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unknown", body.GetProperty("status").GetString());
        Assert.Equal(10_000, await pay.PendingAsync(invoice));
        return (pay, invoice, body.GetProperty("paymentId").GetString()!);
    }

    private Task ResolveAsync() => Factory.SendAsync(new ResolveStalePaymentsCommand());

    private static string Reference(string paymentId) => Guid.Parse(paymentId).ToString("N");

    [DbFact]
    public async Task Lost_answer_then_late_authorisation_applies_the_payment_and_the_resolver_cancels_nothing()
    {
        var (pay, invoice, paymentId) = await LostAnswerAsync();

        await pay.Emulator.ReleaseHeldWebhooksAsync(reverseOrder: false, CancellationToken.None);
        await pay.SettleWebhooksAsync(1);
        Factory.Clock.Advance(TimeSpan.FromMinutes(20));
        await ResolveAsync();

        Assert.Equal("authorised", await HostWebhooks.PaymentStatusAsync(Factory, paymentId));
        Assert.Equal(0, await pay.BalanceAsync(invoice));
        Assert.False(pay.Emulator.Charges.Single().Cancelled);
    }

    [DbFact]
    public async Task Lost_answer_is_cancelled_by_reference_within_fifteen_minutes_and_a_late_authorisation_applies_nothing()
    {
        var (pay, invoice, paymentId) = await LostAnswerAsync();
        await ResolveAsync();
        var heldAtOnce = await pay.PendingAsync(invoice);

        Factory.Clock.Advance(TimeSpan.FromMinutes(6));
        pay.Emulator.Chaos.HoldWebhooks = false;   // the AUTHORISATION stays held; the TECHNICAL_CANCEL goes out at once
        await ResolveAsync();
        await pay.SettleWebhooksAsync(1);
        var afterCancel = await HostWebhooks.PaymentStatusAsync(Factory, paymentId);
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await pay.Emulator.ReleaseHeldWebhooksAsync(reverseOrder: false, CancellationToken.None);
        await pay.SettleWebhooksAsync(2);
        var again = await (await pay.PayAsync("key-again", 10_000, PaymentFixture.Card())).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(10_000, heldAtOnce);
        Assert.Equal(EventCodes.TechnicalCancel, pay.Emulator.SentWebhooks[0].Item.EventCode);
        Assert.Equal("cancelled", afterCancel);
        Assert.Equal("cancelled", await HostWebhooks.PaymentStatusAsync(Factory, paymentId));
        Assert.True(pay.Emulator.Charges[0].Cancelled);
        Assert.Equal("authorised", again.GetProperty("status").GetString());
        Assert.Equal(0, await pay.BalanceAsync(invoice));
        Assert.Equal(0, await pay.PendingAsync(invoice));
        Assert.Equal(1, await HostWebhooks.ScalarAsync(Factory, "select count(*) from payments_payments where status = 'authorised'"));
    }

    // The cancel is on its way when the AUTHORISATION lands: the payment is applied first, then the cancellation reopens it.
    [DbFact]
    public async Task Authorisation_processed_between_the_cancel_request_and_its_technical_cancel_ends_cancelled_and_owed_once()
    {
        var (pay, invoice, paymentId) = await LostAnswerAsync();
        Factory.Clock.Advance(TimeSpan.FromMinutes(6));
        await ResolveAsync();
        var psp = pay.Emulator.Charges.Single().PspReference;

        await HostWebhooks.PostAsync(Factory, EventCodes.Authorisation, true, psp, null, Reference(paymentId), 10_000);
        await Factory.DrainOutboxAsync();
        var applied = await pay.BalanceAsync(invoice);
        await HostWebhooks.PostAsync(Factory, EventCodes.TechnicalCancel, true, "TCANCEL000000001", psp, Reference(paymentId), 10_000);
        await HostWebhooks.PostAsync(Factory, EventCodes.TechnicalCancel, true, "TCANCEL000000001", psp, Reference(paymentId), 10_000);
        await Factory.DrainOutboxAsync();

        Assert.Equal(0, applied);
        Assert.True(pay.Emulator.Charges.Single().Cancelled);
        Assert.Equal("cancelled", await HostWebhooks.PaymentStatusAsync(Factory, paymentId));
        Assert.Equal(10_000, await pay.BalanceAsync(invoice));
        Assert.Equal(0, await pay.PendingAsync(invoice));
    }

    [DbFact]
    public async Task Resolver_and_late_authorisation_at_the_same_moment_agree_with_the_processor()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        for (var round = 0; round < 4; round++)
        {
            var (_, invoice, paymentId) = await LostAnswerAsync(pay, $"INV-{round}");
            Factory.Clock.Advance(TimeSpan.FromMinutes(6));
            pay.Emulator.Chaos.HoldWebhooks = false;
            var sent = pay.Emulator.SentWebhooks.Count;

            await Task.WhenAll(Task.Run(ResolveAsync), Task.Run(async () =>
            {
                await pay.Emulator.ReleaseHeldWebhooksAsync(reverseOrder: false, CancellationToken.None);
                await Factory.DrainOutboxAsync();
            }));
            var cancelled = pay.Emulator.Charges.Single(c => c.Reference == Reference(paymentId)).Cancelled;
            await pay.SettleWebhooksAsync(sent + (cancelled ? 2 : 1));
            await Factory.DrainOutboxAsync();

            var status = await HostWebhooks.PaymentStatusAsync(Factory, paymentId);
            Assert.Equal(cancelled ? "cancelled" : "authorised", status);
            Assert.Equal(cancelled ? 10_000 : 0, await pay.BalanceAsync(invoice));
            Assert.Equal(0, await pay.PendingAsync(invoice));
        }
    }
}

public sealed class UnknownPaymentHttpTestsOnSqlite() : UnknownPaymentHttpTests(SqlDialect.Sqlite);

public sealed class UnknownPaymentHttpTestsOnPostgres() : UnknownPaymentHttpTests(SqlDialect.Postgres), IPostgresTest;
