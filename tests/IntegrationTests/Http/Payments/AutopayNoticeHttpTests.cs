using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using static Portal.IntegrationTests.Http.Payments.AutopayFixture;

namespace Portal.IntegrationTests.Http.Payments;

public abstract class AutopayNoticeHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Notice_goes_once_three_days_before_the_charge_with_amount_card_date_account_and_skip_link()
    {
        var pay = await WithAutopayAsync(Factory);
        await pay.InvoiceAsync("INV-LATER", 8_900, dueInDays: 10);
        await Factory.DrainOutboxAsync();

        await RunAsync(Factory);
        var early = Mails(Factory, "Autopay will charge");
        Factory.Clock.Advance(TimeSpan.FromDays(7));
        await RunAsync(Factory);
        await RunAsync(Factory);

        Assert.Empty(early);
        var notice = Assert.Single(Mails(Factory, "Autopay will charge"));
        Assert.Contains("$89.00", notice.Subject);
        Assert.Contains("March 12, 2026", notice.Text);
        Assert.Contains("Visa ending 1111", notice.Text);
        Assert.Contains("Birch Lane Condos", notice.Text);
        Assert.StartsWith($"http://localhost/autopay/skip?account={pay.Account}&invoice=", notice.LinkStartingWith("http://localhost/autopay/skip"));
    }

    [DbFact]
    public async Task Invoice_due_sooner_than_the_notice_days_gets_its_notice_when_posted_and_is_charged_on_its_due_date()
    {
        var pay = await WithAutopayAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-SOON", 8_900, dueInDays: 1);
        var charges = pay.Emulator.ChargeCount;

        await Factory.DrainOutboxAsync();
        var posted = Mails(Factory, "Autopay will charge");
        await RunAsync(Factory);
        var before = pay.Emulator.ChargeCount;
        Factory.Clock.Advance(TimeSpan.FromDays(1));
        await RunAsync(Factory);

        Assert.Single(posted);
        Assert.Equal(charges, before);
        Assert.Equal(charges + 1, pay.Emulator.ChargeCount);
        Assert.Equal(0, await pay.BalanceAsync(invoice));
        Assert.Single(Mails(Factory, "Autopay will charge"));
    }
}

public sealed class AutopayNoticeHttpTestsOnSqlite() : AutopayNoticeHttpTests(SqlDialect.Sqlite);

public sealed class AutopayNoticeHttpTestsOnPostgres() : AutopayNoticeHttpTests(SqlDialect.Postgres), IPostgresTest;
