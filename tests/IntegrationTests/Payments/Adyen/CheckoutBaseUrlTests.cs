using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Adyen.Emulator;
namespace Portal.IntegrationTests.Payments.Adyen;

public sealed class CheckoutBaseUrlTests
{
    [Fact]
    public void CheckoutBaseUrl_in_test_mode_is_the_test_endpoint() =>
        Assert.Equal("https://checkout-test.adyen.com/v71/", AdyenCheckoutClient.CheckoutBaseUrl(new AdyenOptions { Mode = "test" }).ToString());

    [Fact]
    public void CheckoutBaseUrl_in_live_mode_uses_the_prefix_and_the_checkout_segment() =>
        Assert.Equal("https://1797a841fbb37ca7-adyendemo-checkout-live.adyenpayments.com/checkout/v71/",
            AdyenCheckoutClient.CheckoutBaseUrl(new AdyenOptions { Mode = "live", LiveUrlPrefix = "1797a841fbb37ca7-AdyenDemo" }).ToString());

    [Fact]
    public void CheckoutBaseUrl_override_wins_and_gets_a_trailing_slash() =>
        Assert.Equal("http://127.0.0.1:5123/v71/",
            AdyenCheckoutClient.CheckoutBaseUrl(new AdyenOptions { Mode = "live", LiveUrlPrefix = "x", BaseUrl = "http://127.0.0.1:5123/v71" }).ToString());

    [Theory]
    [InlineData("live")]
    [InlineData("emulator")]
    [InlineData("sandbox")]
    public void CheckoutBaseUrl_without_what_the_mode_needs_throws(string mode) =>
        Assert.Throws<InvalidOperationException>(() => AdyenCheckoutClient.CheckoutBaseUrl(new AdyenOptions { Mode = mode }));

    [Fact]
    public void Options_ToString_hides_secrets()
    {
        var text = new AdyenOptions { ApiKey = "api-secret", HmacKey = "ABCDEF", WebhookPassword = "hook-secret", MerchantAccount = "M" }.ToString();

        Assert.DoesNotContain("api-secret", text);
        Assert.DoesNotContain("ABCDEF", text);
        Assert.DoesNotContain("hook-secret", text);
        Assert.Contains("M", text);
    }

    [Fact]
    public void PaymentMethodDetails_ToString_hides_card_fields()
    {
        var text = PaymentMethodDetails.Card("test_4111111111111111", "test_03", "test_2030", "test_737", "Pat").ToString();

        Assert.DoesNotContain("4111", text);
        Assert.DoesNotContain("737", text);
    }
}
