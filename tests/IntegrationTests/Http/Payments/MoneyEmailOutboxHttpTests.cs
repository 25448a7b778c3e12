using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using static Portal.IntegrationTests.Http.Payments.AutopayFixture;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>
/// Money emails go through the outbox in the transaction of the change they report: while the mail server fails they wait,
/// and once it recovers each goes exactly once.
/// </summary>
public abstract class MoneyEmailOutboxHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Autopay_refusal_email_while_mail_fails_is_sent_once_after_it_recovers()
    {
        var pay = await WithAutopayAsync(Factory);
        await pay.InvoiceAsync("INV-DUE", 8_900, dueInDays: 0);
        pay.Emulator.Chaos.DeclineStoredCardsOnMit = true;
        await Factory.DrainOutboxAsync();

        await WhileMailFailsAsync(() => Factory.SendAsync(new Portal.Modules.Payments.Contracts.Autopay.RunAutopayCommand()));
        await RecoverAsync();
        await RunAsync(Factory);
        await Factory.DrainOutboxAsync();

        Assert.Single(Mails(Factory, "Autopay charge refused: invoice INV-DUE"));
    }

    [DbFact]
    public async Task Autopay_over_limit_email_while_mail_fails_is_sent_once_after_it_recovers()
    {
        var pay = await WithAutopayAsync(Factory, settings: m => new { enabled = true, paymentMethodId = m, maxAmount = new { currency = "USD", value = 5_000 } });
        await Factory.DrainOutboxAsync();

        await WhileMailFailsAsync(async () =>
        {
            await pay.InvoiceAsync("INV-BIG", 8_900, dueInDays: 0);
            await RunAsync(Factory);
        });
        await RecoverAsync();
        await RunAsync(Factory);
        await Factory.DrainOutboxAsync();

        Assert.Single(Mails(Factory, "Autopay will not charge invoice INV-BIG"));
    }

    [DbFact]
    public async Task Receipt_while_mail_fails_is_sent_once_after_it_recovers()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await pay.InvoiceAsync("INV-1", 5_000, dueInDays: 5);
        await Factory.DrainOutboxAsync();

        await WhileMailFailsAsync(async () => (await pay.PayAsync("key-1", 5_000, PaymentFixture.Card())).EnsureSuccessStatusCode());
        await RecoverAsync();

        Assert.Single(Mails(Factory, "Payment received"));
    }

    // The pickup folder replaced by a file: every send fails like an unreachable mail server, and outbox delivery with it.
    private async Task WhileMailFailsAsync(Func<Task> act)
    {
        Directory.Delete(Factory.Mailbox.Directory, recursive: true);
        await File.WriteAllTextAsync(Factory.Mailbox.Directory, "");
        try
        {
            await act();
            await Factory.DrainOutboxAsync();
        }
        finally
        {
            File.Delete(Factory.Mailbox.Directory);
            Directory.CreateDirectory(Factory.Mailbox.Directory);
        }
        Assert.Empty(Factory.Mailbox.All());
    }

    // Past the outbox's retry delay for a message that failed once, then delivered again (and once more: nothing left).
    private async Task RecoverAsync()
    {
        Factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await Factory.DrainOutboxAsync();
        await Factory.DrainOutboxAsync();
    }
}

public sealed class MoneyEmailOutboxHttpTestsOnSqlite() : MoneyEmailOutboxHttpTests(SqlDialect.Sqlite);

public sealed class MoneyEmailOutboxHttpTestsOnPostgres() : MoneyEmailOutboxHttpTests(SqlDialect.Postgres), IPostgresTest;
