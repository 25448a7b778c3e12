using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Adyen.Emulator;
using System.Text.Json;

namespace Portal.UnitTests.Payments;

public sealed class AdyenHmacTests
{
    private const string OurKey = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF";

    // The five vectors of facts §8, one field per column of the signing string.
    public static TheoryData<string, string, string?, string, string, long, string, string, string, string> Vectors => new()
    {
        { "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056", "7914073381342284", null, "TestMerchant",
            "TestPayment-1407325143704", 1130, "EUR", "AUTHORISATION", "true", "coqCmt/IZ4E3CzPvMY8zTjQVL5hYJUiBRg8UU+iCWo0=" },
        { "DFB1EB5485895CFA84146406857104ABB4CBCABDC8AAF103A624C8F6A3EAAB00", "pspReference", "originalReference", "merchantAccount",
            "reference", 1000, "EUR", "EVENT", "true", "ipnxGCaUZ4l8TUW75a71/ghd2Fe5ffvX0pV4TLTntIc=" },
        { OurKey, "PSP0000000000001", null, "PortalMerchantUS", "INV-2024-0001", 12550, "USD", "AUTHORISATION", "true",
            "UVmisNzg8xohUEp1aMvK5nQf4B9xvBam5G1ZdxL6OqE=" },
        { OurKey, "PSP0000000000002", "PSP0000000000001", "PortalMerchantUS", "REF-INV-2024-0001", 5000, "USD", "REFUND", "true",
            "uDSFsxSE9bdwXSQvuresxDhHUXbaE4JZAnyRzJgoBTU=" },
        { OurKey, "PSP0000000000003", null, "PortalMerchantUS", @"INV:2024\0003", 999, "USD", "AUTHORISATION", "false",
            "kidO4agQgI+UjqeTxZNUe3Db3X7MGsIm1cj6E3LkdmM=" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Sign_matches_the_published_vector(string key, string psp, string? original, string merchantAccount, string reference,
        long value, string currency, string eventCode, string success, string expected)
    {
        var item = Item(psp, original, merchantAccount, reference, value, currency, eventCode, success);

        Assert.Equal(expected, AdyenHmac.Sign(item, key));
        Assert.Equal(expected, AdyenHmac.Sign(item, key.ToLowerInvariant()));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void IsValid_accepts_the_published_vector(string key, string psp, string? original, string merchantAccount, string reference,
        long value, string currency, string eventCode, string success, string expected)
    {
        var item = Item(psp, original, merchantAccount, reference, value, currency, eventCode, success) with
        {
            AdditionalData = new() { ["hmacSignature"] = expected },
        };

        Assert.True(AdyenHmac.IsValid(item, key));
    }

    [Fact]
    public void SigningString_leaves_missing_values_empty_and_does_not_escape()
    {
        var item = Item("PSP0000000000003", null, "PortalMerchantUS", @"INV:2024\0003", 999, "USD", "AUTHORISATION", "false");

        Assert.Equal(@"PSP0000000000003::PortalMerchantUS:INV:2024\0003:999:USD:AUTHORISATION:false", AdyenHmac.SigningString(item));
    }

    [Fact]
    public void IsValid_rejects_a_tampered_amount()
    {
        var signed = AdyenHmac.WithSignature(Item("PSP0000000000001", null, "PortalMerchantUS", "INV-2024-0001", 12550, "USD", "AUTHORISATION", "true"), OurKey);

        var tampered = signed with { Amount = new Amount("USD", 1) };

        Assert.True(AdyenHmac.IsValid(signed, OurKey));
        Assert.False(AdyenHmac.IsValid(tampered, OurKey));
    }

    [Fact]
    public void IsValid_rejects_a_flipped_success_flag_and_another_key()
    {
        var signed = AdyenHmac.WithSignature(Item("PSP0000000000001", null, "PortalMerchantUS", "INV-2024-0001", 12550, "USD", "AUTHORISATION", "false"), OurKey);

        Assert.False(AdyenHmac.IsValid(signed with { Success = "true" }, OurKey));
        Assert.False(AdyenHmac.IsValid(signed, "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("UVmisNzg8xohUEp1aMvK5nQf4B9xvBam5G1ZdxL6OqE=UVmisNzg8xohUEp1aMvK5nQf4B9xvBam5G1ZdxL6OqE=")]
    public void IsValid_rejects_a_missing_or_malformed_signature(string? signature)
    {
        var item = Item("PSP0000000000001", null, "PortalMerchantUS", "INV-2024-0001", 12550, "USD", "AUTHORISATION", "true") with
        {
            AdditionalData = signature is null ? [] : new() { ["hmacSignature"] = signature },
        };

        Assert.False(AdyenHmac.IsValid(item, OurKey));
    }

    [Fact]
    public void The_facts_sample_payload_deserializes_and_verifies()
    {
        const string json = """
            {"live":"false","notificationItems":[{"NotificationRequestItem":{"eventCode":"AUTHORISATION","success":"true",
            "eventDate":"2024-06-03T14:05:09+02:00","merchantAccountCode":"PortalMerchantUS","merchantReference":"INV-2024-0001",
            "pspReference":"PSP0000000000001","amount":{"currency":"USD","value":12550},"paymentMethod":"visa",
            "reason":"123456:1111:03/2030","operations":["CANCEL","CAPTURE","REFUND"],
            "additionalData":{"hmacSignature":"UVmisNzg8xohUEp1aMvK5nQf4B9xvBam5G1ZdxL6OqE=",
            "tokenization.storedPaymentMethodId":"H9J2K4L6M8N0P2Q4","tokenization.shopperReference":"acct-000123",
            "tokenization.store.operationType":"created"},"unknownField":42}}]}
            """;

        var request = JsonSerializer.Deserialize<NotificationRequest>(json, AdyenJson.Options)!;

        var item = Assert.Single(request.NotificationItems).NotificationRequestItem;
        Assert.Equal("false", request.Live);
        Assert.True(item.IsSuccess);
        Assert.Equal("H9J2K4L6M8N0P2Q4", item.AdditionalData![AdditionalDataKeys.StoredPaymentMethodId]);
        Assert.True(AdyenHmac.IsValid(item, OurKey));
    }

    private static NotificationItem Item(string psp, string? original, string merchantAccount, string reference, long value,
        string currency, string eventCode, string success) => new()
    {
        PspReference = psp,
        OriginalReference = original,
        MerchantAccountCode = merchantAccount,
        MerchantReference = reference,
        Amount = new Amount(currency, value),
        EventCode = eventCode,
        Success = success,
        EventDate = "2024-06-03T14:05:09+02:00",
    };
}
