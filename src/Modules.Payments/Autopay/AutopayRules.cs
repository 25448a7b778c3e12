using Portal.BuildingBlocks;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Modules.Payments.Autopay;

/// <summary>An autopay account as the sweep and the plan see it: its settings and its saved method.</summary>
internal sealed record AutopayAccount
{
    public Guid AccountId { get; init; }
    public Guid PaymentMethodId { get; init; }
    public string ChargeOn { get; init; } = AutopayRules.OnDueDate;
    public long? MaxAmountMinor { get; init; }
    public string? MaxAmountCurrency { get; init; }
    public string? Brand { get; init; }
    public string? Last4 { get; init; }
    public int? ExpiryMonth { get; init; }
    public int? ExpiryYear { get; init; }

    public Money? MaxAmount => MaxAmountMinor is { } max ? new Money(MaxAmountCurrency ?? Money.Usd, max) : null;

    // A card is good through the last day of its expiry month.
    public DateOnly? LastValidDay => ExpiryYear is { } y && ExpiryMonth is { } m && m is >= 1 and <= 12 && y is >= 2000 and <= 9999
        ? new DateOnly(y, m, 1).AddMonths(1).AddDays(-1)
        : null;
}

/// <summary>The latest charge attempt of an invoice.</summary>
internal sealed record AttemptState
{
    public Guid InvoiceId { get; init; }
    public int Attempt { get; init; }
    public string Status { get; init; } = "";
    public DateOnly? NextAttemptOn { get; init; }
    public DateTimeOffset AttemptedAt { get; init; }
}

internal enum AutopayAction
{
    None,
    Charge,
    InFlight,
    OverLimit,
}

/// <summary>What autopay does with one invoice: the action, the day it happens (never before today) and the attempt number.</summary>
internal sealed record AutopayDecision(AutopayAction Action, DateOnly Day, int Attempt)
{
    public static AutopayDecision None { get; } = new(AutopayAction.None, DateOnly.MinValue, 0);

    public bool IsPlanned => Action is AutopayAction.Charge or AutopayAction.InFlight;
}

/// <summary>One set of rules for the sweep, the plan (reminders, dashboard) and the notices, so they never disagree.</summary>
internal static class AutopayRules
{
    public const string OnDueDate = "due_date";
    public const string OnPosting = "posting";

    // A 'charging' attempt this old was left by a run that died (host killed, processor answer lost); younger ones belong to a live run.
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    public static AutopayDecision Decide(AutopayAccount account, InvoiceDto invoice, AttemptState? last, bool skipped,
        IReadOnlyList<int> retryAfterDays, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (skipped || invoice.Balance.Value <= 0)
            return AutopayDecision.None;
        if (last is { Status: AttemptStatus.Charging })
            // Our own hold is what makes the invoice pending here, so resuming is not "charging beside" another payment.
            return new(now - last.AttemptedAt >= AbandonedAfter ? AutopayAction.Charge : AutopayAction.InFlight, today, last.Attempt);
        if (invoice.PendingPayments.Value > 0)
            return AutopayDecision.None;
        var (day, attempt) = last switch
        {
            null => (account.ChargeOn == OnPosting ? today : invoice.DueDate, 1),
            { Status: AttemptStatus.Refused, NextAttemptOn: { } next } when last.Attempt <= retryAfterDays.Count => (next, last.Attempt + 1),
            _ => (DateOnly.MinValue, 0),
        };
        if (attempt == 0)
            return AutopayDecision.None;
        day = day < today ? today : day;
        return account.MaxAmount is { } max && invoice.Balance.Currency == max.Currency && invoice.Balance.Value > max.Value
            ? new(AutopayAction.OverLimit, day, attempt)
            : new(AutopayAction.Charge, day, attempt);
    }

    public static DateOnly? NextRetry(int attempt, IReadOnlyList<int> retryAfterDays, DateOnly today) =>
        attempt <= retryAfterDays.Count ? today.AddDays(retryAfterDays[attempt - 1]) : null;
}

internal static class AttemptStatus
{
    public const string Charging = "charging";
    public const string Refused = "refused";
}

internal static class AutopayMark
{
    public const string Notice = "notice";
    public const string OverLimit = "over_limit";
    public const string Skipped = "skipped";
}
