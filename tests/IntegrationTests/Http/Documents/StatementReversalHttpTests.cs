using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Http.Payments;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Invoicing.Contracts.Statements;
using Portal.Modules.Payments.Adyen;

namespace Portal.IntegrationTests.Http.Documents;

/// <summary>A refund that fails after it succeeded puts back only what the customer had not paid again; the statement shows exactly that.</summary>
public abstract class StatementReversalHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Failed_refund_shows_as_a_credit_and_the_statement_still_closes_at_the_balance()
    {
        var (pay, invoice, refundId) = await RefundedAsync(4_000);

        await PostAsync(pay, EventCodes.RefundFailed, refundId, 4_000);
        await Factory.DrainOutboxAsync();
        var statement = await StatementAsync(pay);

        Assert.Contains(statement.Lines, l => l.Kind == "reversal" && l.Credit.Value == 4_000);
        Assert.Equal(await pay.BalanceAsync(invoice), statement.ClosingBalance.Value);
        Assert.Equal(0, statement.ClosingBalance.Value);
    }

    [DbFact]
    public async Task Failed_refund_after_the_customer_paid_again_credits_nothing_and_the_statement_closes_at_zero()
    {
        var (pay, invoice, refundId) = await RefundedAsync(4_000);
        pay.Emulator.Chaos.HoldWebhooks = false;
        await pay.PayAsync("key-2", 4_000, PaymentFixture.Card());
        await Factory.DrainOutboxAsync();

        await PostAsync(pay, EventCodes.RefundFailed, refundId, 4_000);
        await Factory.DrainOutboxAsync();
        var statement = await StatementAsync(pay);

        Assert.DoesNotContain(statement.Lines, l => l.Kind == "reversal");
        Assert.Equal(0, await pay.BalanceAsync(invoice));
        Assert.Equal(0, statement.ClosingBalance.Value);
    }

    private async Task<(PaymentFixture Pay, Guid Invoice, string RefundId)> RefundedAsync(long refundCents)
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        var body = await (await pay.PayAsync("key-1", 10_000, PaymentFixture.Card(holderName: "refund failed"))).Content.ReadFromJsonAsync<JsonElement>();
        await pay.SettleWebhooksAsync(1);
        await Factory.AddStaffAsync("fin");
        var finance = await Factory.LoginAsync("fin");
        pay.Emulator.Chaos.HoldWebhooks = true;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/backoffice/payments/{body.GetProperty("paymentId").GetString()}/refunds")
        {
            Content = JsonContent.Create(new { amount = new { currency = "USD", value = refundCents } }),
        };
        request.Headers.Add("Idempotency-Key", "refund-1");
        var refund = await finance.SendAsync(request);
        var refundId = (await refund.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refundId").GetString()!;
        await PostAsync(pay, EventCodes.Refund, refundId, refundCents);
        await Factory.DrainOutboxAsync();
        return (pay, invoice, refundId);
    }

    private Task PostAsync(PaymentFixture pay, string eventCode, string refundId, long cents) =>
        HostWebhooks.PostAsync(Factory, eventCode, true, pay.Emulator.Refunds.Single().PspReference, pay.Emulator.Charges[0].PspReference,
            Guid.Parse(refundId).ToString("N"), cents);

    private Task<StatementDto> StatementAsync(PaymentFixture pay) =>
        Factory.SendAsync(new GetStatementQuery(pay.Account, Factory.Clock.Today.AddDays(-30), Factory.Clock.Today));
}

public sealed class StatementReversalHttpTestsOnSqlite() : StatementReversalHttpTests(SqlDialect.Sqlite);

public sealed class StatementReversalHttpTestsOnPostgres() : StatementReversalHttpTests(SqlDialect.Postgres), IPostgresTest;
