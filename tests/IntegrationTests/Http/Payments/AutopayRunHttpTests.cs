using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.BuildingBlocks;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Payments.Contracts.Autopay;

namespace Portal.IntegrationTests.Http.Payments;

public abstract class AutopayRunHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Due_invoice_is_charged_once_across_repeated_and_concurrent_runs_and_others_are_untouched()
    {
        var pay = await AutopayFixture.WithAutopayAsync(Factory);
        var due = await pay.InvoiceAsync("INV-DUE", 8_900, dueInDays: 0);
        var later = await pay.InvoiceAsync("INV-LATER", 5_000, dueInDays: 3);
        var other = await Factory.CreateAccountAsync("A-700", "No Autopay");
        var today = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime);
        var untouched = (await Factory.SendAsync(new CreateInvoiceCommand(other, "INV-OTHER", today, today, null,
            [new InvoiceLineInputDto("Mowing", 1m, Money.Dollars(3_000))]))).InvoiceId;
        var charges = pay.Emulator.ChargeCount;

        await Task.WhenAll(Factory.SendAsync(new RunAutopayCommand()), Factory.SendAsync(new RunAutopayCommand()));
        await Factory.SendAsync(new RunAutopayCommand());

        Assert.Equal(charges + 1, pay.Emulator.ChargeCount);
        Assert.Equal(0, await pay.BalanceAsync(due));
        Assert.Equal(5_000, await pay.BalanceAsync(later));
        Assert.Equal(3_000, (await Factory.SendAsync(new GetInvoiceQuery(other, untouched)))!.Balance.Value);
    }

    [DbFact]
    public async Task Refused_charge_is_retried_after_one_three_and_five_days_then_autopay_gives_up_and_says_so()
    {
        var pay = await AutopayFixture.WithAutopayAsync(Factory);
        var due = await pay.InvoiceAsync("INV-DUE", 8_900, dueInDays: 0);
        pay.Emulator.Chaos.DeclineStoredCardsOnMit = true;
        var charges = pay.Emulator.ChargeCount;
        var runs = new List<int>();

        foreach (var day in new[] { 0, 0, 1, 3, 4, 9, 14, 20 })
        {
            Factory.Clock.Set(Portal.IntegrationTests.Infrastructure.ManualClock.DefaultStart.AddDays(day));
            await Factory.SendAsync(new RunAutopayCommand());
            runs.Add(pay.Emulator.ChargeCount - charges);
        }

        // Attempts on day 0, then 1, 4 (1+3) and 9 (4+5); nothing after the fourth.
        Assert.Equal([1, 1, 2, 2, 3, 4, 4, 4], runs);
        Assert.Equal(8_900, await pay.BalanceAsync(due));
        await Factory.DrainOutboxAsync();   // refusal emails go through the outbox
        var mails = Factory.Mailbox.To("payer@example.test").Where(m => m.Subject.StartsWith("Autopay charge refused")).ToList();
        Assert.Equal(4, mails.Count);
        Assert.Contains("will not try this invoice again", mails[^1].Text);
    }
}

public sealed class AutopayRunHttpTestsOnSqlite() : AutopayRunHttpTests(SqlDialect.Sqlite);

public sealed class AutopayRunHttpTestsOnPostgres() : AutopayRunHttpTests(SqlDialect.Postgres), IPostgresTest;
