using Portal.BuildingBlocks;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Payments.Autopay;

namespace Portal.UnitTests.Payments;

public sealed class AutopayRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly int[] Retries = [1, 3, 5];

    private static InvoiceDto Invoice(long balance = 8_900, int dueInDays = 0, long pending = 0) =>
        new(Guid.NewGuid(), "INV-1", Today.AddDays(-10), Today.AddDays(dueInDays), "open", Money.Dollars(balance), Money.Dollars(balance),
            Money.Dollars(pending), true);

    private static AutopayAccount Account(string chargeOn = AutopayRules.OnDueDate, long? max = null) =>
        new() { AccountId = Guid.NewGuid(), PaymentMethodId = Guid.NewGuid(), ChargeOn = chargeOn, MaxAmountMinor = max };

    [Fact]
    public void Decide_when_not_yet_due_charges_on_the_due_date()
    {
        Assert.Equal(new AutopayDecision(AutopayAction.Charge, Today.AddDays(5), 1),
            AutopayRules.Decide(Account(), Invoice(dueInDays: 5), null, false, Retries, Now));
    }

    [Fact]
    public void Decide_when_charging_on_posting_charges_today()
    {
        Assert.Equal(Today, AutopayRules.Decide(Account(AutopayRules.OnPosting), Invoice(dueInDays: 20), null, false, Retries, Now).Day);
    }

    [Fact]
    public void Decide_when_above_the_limit_reports_instead_of_charging()
    {
        Assert.Equal(AutopayAction.OverLimit, AutopayRules.Decide(Account(max: 5_000), Invoice(), null, false, Retries, Now).Action);
    }

    [Fact]
    public void Decide_when_skipped_or_pending_does_nothing()
    {
        Assert.Equal(AutopayAction.None, AutopayRules.Decide(Account(), Invoice(), null, true, Retries, Now).Action);
        Assert.Equal(AutopayAction.None, AutopayRules.Decide(Account(), Invoice(pending: 100), null, false, Retries, Now).Action);
    }

    [Fact]
    public void Decide_when_refused_retries_on_the_next_attempt_day_until_the_schedule_ends()
    {
        var refused = new AttemptState { Attempt = 2, Status = AttemptStatus.Refused, NextAttemptOn = Today.AddDays(3) };
        var last = refused with { Attempt = 4 };

        Assert.Equal(new AutopayDecision(AutopayAction.Charge, Today.AddDays(3), 3), AutopayRules.Decide(Account(), Invoice(), refused, false, Retries, Now));
        Assert.Equal(AutopayAction.None, AutopayRules.Decide(Account(), Invoice(), last, false, Retries, Now).Action);
    }

    [Fact]
    public void Decide_when_an_attempt_is_left_charging_resumes_it_only_once_abandoned()
    {
        var fresh = new AttemptState { Attempt = 1, Status = AttemptStatus.Charging, AttemptedAt = Now.AddMinutes(-1) };
        var abandoned = fresh with { AttemptedAt = Now - AutopayRules.AbandonedAfter };

        Assert.Equal(AutopayAction.InFlight, AutopayRules.Decide(Account(), Invoice(pending: 8_900), fresh, false, Retries, Now).Action);
        Assert.Equal(new AutopayDecision(AutopayAction.Charge, Today, 1), AutopayRules.Decide(Account(), Invoice(pending: 8_900), abandoned, false, Retries, Now));
    }

    [Fact]
    public void LastValidDay_is_the_end_of_the_expiry_month()
    {
        Assert.Equal(new DateOnly(2026, 2, 28), (Account() with { ExpiryMonth = 2, ExpiryYear = 2026 }).LastValidDay);
    }
}
