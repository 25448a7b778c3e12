using System.Globalization;
using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Payments;

namespace Portal.Modules.Payments.Webhooks;

/// <summary>
/// What a successful AUTHORISATION webhook tells about the card and its token (facts §8, §10), so that a webhook landing
/// before the synchronous answer can still save the method with its brand and last 4.
/// </summary>
internal sealed record AuthorisationDetails(string? Brand, string? Last4, NewSavedMethod? Save)
{
    // v68+ name first; RECURRING_CONTRACT and older setups still use the deprecated one for the same token id.
    private const string LegacyTokenKey = "recurring.recurringDetailReference";

    public static AuthorisationDetails From(NotificationItem item)
    {
        if (!item.IsSuccess)
            return new(null, null, null);
        var isAch = string.Equals(item.PaymentMethod, PaymentMethodTypes.Ach, StringComparison.OrdinalIgnoreCase);
        var brand = isAch || string.IsNullOrWhiteSpace(item.PaymentMethod) || item.PaymentMethod == PaymentMethodTypes.Scheme ? null : item.PaymentMethod;
        // A card's reason is "authCode:last4:MM/YYYY".
        var parts = isAch ? [] : (item.Reason ?? "").Split(':');
        var last4 = parts.Length > 1 && parts[1].Length == 4 && parts[1].All(char.IsAsciiDigit) ? parts[1] : null;
        var (month, year) = parts.Length > 2 ? Expiry(parts[2]) : (null, null);
        var token = item.AdditionalData?.GetValueOrDefault(AdditionalDataKeys.StoredPaymentMethodId) is { Length: > 0 } current
            ? current
            : item.AdditionalData?.GetValueOrDefault(LegacyTokenKey) is { Length: > 0 } legacy ? legacy : null;
        var save = token is null ? null : new NewSavedMethod(token, isAch ? "ach" : "card", brand, last4, month, year);
        return new(brand, last4, save);
    }

    private static (int? Month, int? Year) Expiry(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || month is < 1 or > 12)
            return (null, null);
        return (month, year < 100 ? 2000 + year : year);
    }
}
