using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using static Portal.IntegrationTests.Http.Payments.AutopayFixture;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>Autopay with Payments:Autopay:RetryAfterDays = 2,4 instead of the default 1,3,5.</summary>
public abstract class AutopayScheduleHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Payments:Autopay:RetryAfterDays"] = "2,4" };

    [DbFact]
    public async Task Refused_charge_follows_the_configured_retry_days_and_the_plan_shows_the_next_retry()
    {
        var pay = await WithAutopayAsync(Factory);
        await pay.InvoiceAsync("INV-DUE", 8_900, dueInDays: 0);
        pay.Emulator.Chaos.DeclineStoredCardsOnMit = true;
        var charges = pay.Emulator.ChargeCount;
        var runs = new List<int>();
        var planned = new List<DateOnly?>();

        foreach (var day in new[] { 0, 1, 2, 3, 5, 6, 9, 12 })
        {
            Factory.Clock.Set(ManualClock.DefaultStart.AddDays(day));
            await RunAsync(Factory);
            runs.Add(pay.Emulator.ChargeCount - charges);
            planned.Add((await Factory.SendAsync(new Portal.Modules.Payments.Contracts.Autopay.GetAutopayPlanQuery(pay.Account))).Charges
                .Select(c => (DateOnly?)c.ChargeOn).FirstOrDefault());
        }

        // Attempts on day 0, 2 and 6 (2+4); nothing after the third.
        Assert.Equal([1, 1, 2, 2, 2, 3, 3, 3], runs);
        var start = ManualClock.DefaultStart.Date;
        Assert.Equal(DateOnly.FromDateTime(start.AddDays(2)), planned[0]);
        Assert.Equal(DateOnly.FromDateTime(start.AddDays(6)), planned[2]);
        Assert.Null(planned[^1]);
        await Factory.DrainOutboxAsync();   // refusal emails go through the outbox
        var mails = Mails(Factory, "Autopay charge refused");
        Assert.Equal(3, mails.Count);
        Assert.Contains("try again on March 4, 2026", mails[0].Text);
        Assert.Contains("will not try this invoice again", mails[^1].Text);
    }

    [DbFact]
    public async Task Expiring_autopay_card_is_reported_once_to_the_account_and_finance_and_an_expired_one_stops_autopay()
    {
        await Factory.AddStaffAsync("fin");
        var pay = await WithAutopayAsync(Factory, card: Card("03", "2026"));
        await pay.InvoiceAsync("INV-APRIL", 8_900, dueInDays: 40);

        await RunAsync(Factory);
        await RunAsync(Factory);
        Factory.Clock.Set(new DateTimeOffset(2026, 4, 1, 15, 0, 0, TimeSpan.Zero));
        var charges = pay.Emulator.ChargeCount;
        await RunAsync(Factory);
        await Factory.DrainOutboxAsync();
        var autopay = await Factory.SendAsync(new Portal.Modules.Payments.Contracts.Autopay.GetAutopayQuery(pay.Account));

        var expiring = Assert.Single(Mails(Factory, "The autopay card of Birch Lane Condos expires March 2026"));
        Assert.Contains("before the next autopay charge on April 11, 2026", expiring.Text);
        Assert.Single(Mails(Factory, "The autopay card of Birch Lane Condos expires", "fin@provider.test"));
        Assert.False(autopay.Enabled);
        Assert.Equal(charges, pay.Emulator.ChargeCount);
        Assert.Contains("expired", Assert.Single(Mails(Factory, "Autopay is off")).Text);
        Assert.Single(Mails(Factory, "Autopay is off", "fin@provider.test"));
    }

    [DbFact]
    public async Task Run_that_lost_the_processors_answer_is_resumed_later_with_the_same_key_and_charges_once()
    {
        var pay = await WithAutopayAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-DUE", 8_900, dueInDays: 0);
        pay.Emulator.Chaos.HoldWebhooks = true;
        pay.Emulator.Chaos.DropResponseAfterChargeNext(1);
        var charges = pay.Emulator.ChargeCount;

        await RunAsync(Factory);
        var afterDrop = (Charges: pay.Emulator.ChargeCount, Pending: await pay.PendingAsync(invoice), Planned: await PlannedAsync(Factory, pay.Account));
        await RunAsync(Factory);
        var inFlight = pay.Emulator.ChargeCount;
        Factory.Clock.Advance(TimeSpan.FromMinutes(11));
        await RunAsync(Factory);
        await RunAsync(Factory);
        await Factory.DrainOutboxAsync();

        Assert.Equal((charges + 1, 8_900L), (afterDrop.Charges, afterDrop.Pending));
        Assert.Equal(["INV-DUE"], afterDrop.Planned);
        Assert.Equal(charges + 1, inFlight);
        Assert.Equal(charges + 1, pay.Emulator.ChargeCount);
        Assert.Equal(0, await pay.BalanceAsync(invoice));
        var applied = (await Factory.SendAsync(new Portal.Modules.Invoicing.Contracts.Invoices.GetInvoiceQuery(pay.Account, invoice)))!.Payments;
        Assert.Equal(8_900, Assert.Single(applied).Amount.Value);
        Assert.Empty(await PlannedAsync(Factory, pay.Account));
    }

    [DbFact]
    public async Task Attempt_claimed_by_a_host_killed_before_it_charged_is_charged_once_by_a_later_run()
    {
        var pay = await WithAutopayAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-DUE", 8_900, dueInDays: 0);
        await using (var scope = Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IDatabase>().ExecuteAsync("""
                insert into payments_autopay_attempts (invoice_id, attempt, account_id, status, attempted_at)
                values (@InvoiceId, 1, @AccountId, 'charging', @Now)
                """, new { InvoiceId = invoice, AccountId = pay.Account, Now = Factory.Clock.GetUtcNow() });
        var charges = pay.Emulator.ChargeCount;

        await RunAsync(Factory);
        var whileClaimed = pay.Emulator.ChargeCount;
        Factory.Clock.Advance(TimeSpan.FromMinutes(11));
        await Task.WhenAll(RunAsync(Factory), RunAsync(Factory));
        await RunAsync(Factory);

        Assert.Equal(charges, whileClaimed);
        Assert.Equal(charges + 1, pay.Emulator.ChargeCount);
        Assert.Equal(0, await pay.BalanceAsync(invoice));
    }
}

public sealed class AutopayScheduleHttpTestsOnSqlite() : AutopayScheduleHttpTests(SqlDialect.Sqlite);

public sealed class AutopayScheduleHttpTestsOnPostgres() : AutopayScheduleHttpTests(SqlDialect.Postgres), IPostgresTest;
