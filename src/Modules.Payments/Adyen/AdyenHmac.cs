using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Modules.Payments.Adyen;

// Standard webhook signature (facts §8): eight values joined by ':' with no escaping, HMAC-SHA256
// under the hex-decoded key, Base64. A missing value counts as empty even when the JSON said null.
internal static class AdyenHmac
{
    public static string Sign(NotificationItem item, string hexKey) => Convert.ToBase64String(Compute(item, hexKey));

    public static bool IsValid(NotificationItem item, string hexKey)
    {
        var sent = item.AdditionalData?.GetValueOrDefault(AdditionalDataKeys.HmacSignature);
        if (string.IsNullOrEmpty(sent))
            return false;
        var expected = Compute(item, hexKey);
        var buffer = new byte[expected.Length];
        return Convert.TryFromBase64String(sent, buffer, out var written)
               && written == expected.Length
               && CryptographicOperations.FixedTimeEquals(buffer, expected);
    }

    public static NotificationItem WithSignature(NotificationItem item, string hexKey)
    {
        var additionalData = new Dictionary<string, string>(item.AdditionalData ?? [])
        {
            [AdditionalDataKeys.HmacSignature] = Sign(item, hexKey),
        };
        return item with { AdditionalData = additionalData };
    }

    internal static string SigningString(NotificationItem item) => string.Join(':',
        item.PspReference ?? "",
        item.OriginalReference ?? "",
        item.MerchantAccountCode ?? "",
        item.MerchantReference ?? "",
        item.Amount?.Value.ToString(CultureInfo.InvariantCulture) ?? "",
        item.Amount?.Currency ?? "",
        item.EventCode ?? "",
        item.Success ?? "");

    private static byte[] Compute(NotificationItem item, string hexKey) =>
        HMACSHA256.HashData(Convert.FromHexString(hexKey), Encoding.UTF8.GetBytes(SigningString(item)));
}
