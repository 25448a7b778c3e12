using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Adyen.Emulator;

namespace Portal.IntegrationTests.Payments.Adyen.Support;

internal static class Requests
{
    public const string VisaNumber = "4111111111111111";
    private const string ReturnUrl = "https://portal.example.test/payments/return";

    public static string NewKey() => Guid.NewGuid().ToString();

    public static PaymentRequest Card(string number = VisaNumber, string holderName = "Pat Customer", long value = 12550,
        string month = "03", string year = "2030", string cvc = "737") =>
        new(new Amount("USD", value), NewReference(),
            PaymentMethodDetails.Card($"test_{number}", $"test_{month}", $"test_{year}", $"test_{cvc}", holderName), ReturnUrl)
        {
            ShopperInteraction = ShopperInteractions.Ecommerce,
        };

    public static PaymentRequest StoringCard(string shopperReference, string number = VisaNumber, string holderName = "Pat Customer") =>
        Card(number, holderName) with
        {
            ShopperReference = shopperReference,
            StorePaymentMethod = true,
            RecurringProcessingModel = RecurringProcessingModels.UnscheduledCardOnFile,
        };

    public static PaymentRequest WithToken(string storedPaymentMethodId, string shopperReference, long value = 8900) =>
        new(new Amount("USD", value), NewReference(), PaymentMethodDetails.Stored(storedPaymentMethodId), ReturnUrl)
        {
            ShopperReference = shopperReference,
            ShopperInteraction = ShopperInteractions.ContAuth,
            RecurringProcessingModel = RecurringProcessingModels.UnscheduledCardOnFile,
        };

    public static PaymentRequest Ach(long value = 40000, string? shopperReference = null) =>
        new(new Amount("USD", value), NewReference(), PaymentMethodDetails.Ach("1234567890", "011000138", "Pat Customer"), ReturnUrl)
        {
            CountryCode = "US",
            ShopperReference = shopperReference,
            StorePaymentMethod = shopperReference is not null,
            RecurringProcessingModel = shopperReference is null ? null : RecurringProcessingModels.UnscheduledCardOnFile,
        };

    private static string NewReference() => $"PAY-{Guid.NewGuid():N}"[..16];
}
