using System.Globalization;

namespace Portal.Host.Pages;

/// <summary>Dollar amounts typed into forms ("1,250.50", "$12"): whole cents only, within a sane range.</summary>
internal static class MoneyText
{
    public static bool TryCents(string? text, out long cents)
    {
        cents = 0;
        if (!decimal.TryParse(text?.Trim().TrimStart('$').Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var dollars)
            || decimal.Round(dollars, 2) != dollars || dollars > 10_000_000m)
            return false;
        cents = (long)(dollars * 100);
        return true;
    }
}
