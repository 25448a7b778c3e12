using System.Globalization;

namespace Portal.Modules.Payments.Adyen.Emulator;

internal sealed record MethodCheck(MethodSnapshot? Method, Outcome? Outcome, EmulatorResult? Error)
{
    public static MethodCheck Failed(EmulatorResult error) => new(null, null, error);
}

// The card number lives only inside Evaluate: just brand and last four leave it.
internal static class CardCheck
{
    private const string TestPrefix = "test_";

    public static MethodCheck Evaluate(PaymentMethodDetails card, IReadOnlyDictionary<string, string>? additionalData, DateTimeOffset now)
    {
        var number = Decrypt(card.EncryptedCardNumber)?.Replace(" ", "", StringComparison.Ordinal);
        if (number is null || number.Length is < 12 or > 19 || !number.All(char.IsAsciiDigit) || !TestCards.PassesLuhn(number))
            return MethodCheck.Failed(ServiceErrors.InvalidCardNumber());

        var brand = TestCards.Brand(number);
        var expiry = ParseExpiry(Decrypt(card.EncryptedExpiryMonth), Decrypt(card.EncryptedExpiryYear));
        var method = new MethodSnapshot(PaymentMethodTypes.Scheme, brand, number[^4..])
        {
            ExpiryMonth = expiry?.Month.ToString("D2", CultureInfo.InvariantCulture),
            ExpiryYear = expiry?.Year.ToString("D4", CultureInfo.InvariantCulture),
            HolderName = card.HolderName,
        };
        var outcome = Decide(number, brand, expiry, Decrypt(card.EncryptedSecurityCode), card.HolderName, additionalData, now);
        return new MethodCheck(method, outcome, null);
    }

    public static bool IsExpired(MethodSnapshot method, DateTimeOffset now) =>
        ParseExpiry(method.ExpiryMonth, method.ExpiryYear) is { } expiry && IsExpired(expiry, now);

    // A value without the test_ prefix is real client-side encryption, which the emulator cannot read.
    public static string? Decrypt(string? value) =>
        value is null ? null : value.StartsWith(TestPrefix, StringComparison.Ordinal) ? value[TestPrefix.Length..] : "";

    private static Outcome Decide(string number, string? brand, (int Year, int Month)? expiry, string? securityCode,
        string? holderName, IReadOnlyDictionary<string, string>? additionalData, DateTimeOffset now)
    {
        if (!TestCards.IsAuthorising(number))
            return Outcome.Refused("Invalid Card Number", "8");
        // Facts §7: an invalid expiry or a wrong CVC on a test card gives the generic DECLINED refusal.
        if (expiry is not { } validExpiry)
            return Outcome.Refused("Refused", "2");
        if (IsExpired(validExpiry, now))
            return Outcome.Refused("Expired Card", "6");
        if (securityCode is not null && securityCode != TestCards.ExpectedSecurityCode(brand))
            return Outcome.Refused("Refused", "2");
        return TestCards.MagicOutcome(holderName, additionalData) ?? Outcome.Authorised;
    }

    // A card is valid through the last day of its expiry month.
    private static bool IsExpired((int Year, int Month) expiry, DateTimeOffset now) =>
        expiry.Year < now.UtcDateTime.Year || (expiry.Year == now.UtcDateTime.Year && expiry.Month < now.UtcDateTime.Month);

    private static (int Year, int Month)? ParseExpiry(string? month, string? year)
    {
        if (!int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12)
            return null;
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || year!.Length is not (2 or 4))
            return null;
        return (y < 100 ? 2000 + y : y, m);
    }
}
