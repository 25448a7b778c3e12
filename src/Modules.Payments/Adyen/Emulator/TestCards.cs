namespace Portal.Modules.Payments.Adyen.Emulator;

// Facts §7: the cards that authorise on Adyen's test platform and the holderName magic values.
internal static class TestCards
{
    private static readonly HashSet<string> Authorising =
    [
        "4111111145551142", "4111111111111111", "4988438843884305", "4166676667666746", "4444333322221111", "4111112014267661",
        "2222400070000005", "5555341244441115", "5577000055770004", "5555444433331111", "5555555555554444", "5100060000000002",
        "2222410700000002",
        "370000000000002", "370000000100018",
        "6011601160116611", "6445644564456445",
        "4001020000000009",
    ];

    // Indexed by Adyen's test code, which additionalData.RequestedTestAcquirerResponseCode can name instead.
    private static readonly (string HolderName, Outcome Outcome)[] MagicValues =
    [
        ("UNKNOWN", new(ResultCodes.Error, "Unknown")),
        ("APPROVED", Outcome.Authorised),
        ("DECLINED", Outcome.Refused("Refused", "2")),
        ("REFERRAL", Outcome.Refused("Referral", "3")),
        ("ERROR", new(ResultCodes.Error, "Acquirer Error", "4")),
        ("BLOCK_CARD", Outcome.Refused("Blocked Card", "5")),
        ("CARD_EXPIRED", Outcome.Refused("Expired Card", "6")),
        ("INVALID_AMOUNT", Outcome.Refused("Invalid Amount", "7")),
        ("INVALID_CARD_NUMBER", Outcome.Refused("Invalid Card Number", "8")),
        ("ISSUER_UNAVAILABLE", Outcome.Refused("Issuer Unavailable", "9")),
        ("NOT_SUPPORTED", Outcome.Refused("Not supported", "10")),
        ("NOT_3D_AUTHENTICATED", Outcome.Refused("3D Not Authenticated", "11")),
        ("NOT_ENOUGH_BALANCE", Outcome.Refused("Not enough balance", "12")),
        ("PENDING", Outcome.Received),
        ("ACQUIRER_FRAUD", Outcome.Refused("Acquirer Fraud", "14")),
        ("CANCELLED", Outcome.Refused("Cancelled", "15")),
        ("SHOPPER_CANCELLED", Outcome.Refused("Shopper Cancelled", "16")),
    ];

    public const string RefundFailedHolderName = "refund failed";

    public static bool IsAuthorising(string number) => Authorising.Contains(number);

    public static string? Brand(string number) => number switch
    {
        ['4', ..] => "visa",
        ['3', '4' or '7', ..] => "amex",
        ['5', '1' or '2' or '3' or '4' or '5', ..] => "mc",
        _ when number.Length >= 4 && int.Parse(number[..4]) is >= 2221 and <= 2720 => "mc",
        ['6', '0', '1', '1', ..] or ['6', '5', ..] or ['6', '4', '4' or '5' or '6' or '7' or '8' or '9', ..] => "discover",
        _ => null,
    };

    public static string ExpectedSecurityCode(string? brand) => brand == "amex" ? "7373" : "737";

    public static bool PassesLuhn(string number)
    {
        var sum = 0;
        for (var i = 0; i < number.Length; i++)
        {
            var digit = number[number.Length - 1 - i] - '0';
            if (i % 2 == 1)
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            sum += digit;
        }
        return sum % 10 == 0;
    }

    public static Outcome? MagicOutcome(string? holderName, IReadOnlyDictionary<string, string>? additionalData)
    {
        if (additionalData?.GetValueOrDefault("RequestedTestAcquirerResponseCode") is { } code
            && int.TryParse(code, out var index) && index >= 0 && index < MagicValues.Length)
            return MagicValues[index].Outcome;
        var name = holderName?.Trim();
        return MagicValues.FirstOrDefault(v => string.Equals(v.HolderName, name, StringComparison.OrdinalIgnoreCase)).Outcome;
    }
}
