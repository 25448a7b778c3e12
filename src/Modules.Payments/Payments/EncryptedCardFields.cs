using System.Text.RegularExpressions;
using Portal.Modules.Payments.Adyen;

namespace Portal.Modules.Payments.Payments;

/// <summary>
/// What may arrive in encryptedCardNumber and its siblings: Adyen's client-side encryption (the adyenjs_ form or a compact
/// JWE), never a plain number. The emulator's test_ values pass in emulator mode and in test mode, where Adyen's test platform
/// takes them too (facts §7) and accepts only test cards; live mode takes encrypted values only.
/// </summary>
internal static partial class EncryptedCardFields
{
    public const int MaxLength = 8_000;

    public static bool Acceptable(string? value, string mode) =>
        value is { Length: > 0 and <= MaxLength }
        && (AdyenCse().IsMatch(value) || Jwe().IsMatch(value) || (mode != AdyenModes.Live && TestValue().IsMatch(value)));

    [GeneratedRegex(@"^adyenjs_0_[0-9]+_[0-9]+\$[A-Za-z0-9+/=]{16,}\$[A-Za-z0-9+/=]{16,}$")]
    private static partial Regex AdyenCse();

    [GeneratedRegex(@"^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")]
    private static partial Regex Jwe();

    [GeneratedRegex(@"^test_[0-9 ]{1,23}$")]
    private static partial Regex TestValue();
}
