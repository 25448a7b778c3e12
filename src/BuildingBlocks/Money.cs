namespace Portal.BuildingBlocks;

/// <summary>An amount of money in integer minor units (cents) of one currency.</summary>
public readonly record struct Money(string Currency, long Value)
{
    public const string Usd = "USD";

    public static Money Dollars(long cents) => new(Usd, cents);

    public static Money Zero(string currency = Usd) => new(currency, 0);

    public bool IsZero => Value == 0;

    public static Money operator +(Money a, Money b) => new(SameCurrency(a, b), checked(a.Value + b.Value));

    public static Money operator -(Money a, Money b) => new(SameCurrency(a, b), checked(a.Value - b.Value));

    public static bool operator >(Money a, Money b) => SameCurrency(a, b) is not null && a.Value > b.Value;

    public static bool operator <(Money a, Money b) => SameCurrency(a, b) is not null && a.Value < b.Value;

    public static bool operator >=(Money a, Money b) => !(a < b);

    public static bool operator <=(Money a, Money b) => !(a > b);

    public override string ToString() =>
        Currency == Usd ? (Value < 0 ? "-$" : "$") + (Math.Abs(Value) / 100m).ToString("N2", System.Globalization.CultureInfo.InvariantCulture)
                        : $"{Value / 100m:0.00} {Currency}";

    private static string SameCurrency(Money a, Money b) =>
        a.Currency == b.Currency ? a.Currency : throw new InvalidOperationException($"Cannot combine {a.Currency} with {b.Currency}.");
}
