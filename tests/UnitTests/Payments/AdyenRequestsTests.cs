using Portal.BuildingBlocks;
using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Payments;

namespace Portal.UnitTests.Payments;

public sealed class AdyenRequestsTests
{
    private static readonly SavedMethod Card = new("TOKEN0000000001", "card", "visa", "1111");

    [Fact]
    public void StoredPayment_with_the_shopper_present_is_ecommerce_card_on_file()
    {
        var request = AdyenRequests.StoredPayment(Guid.NewGuid(), Money.Dollars(1_000), Card, "acct-1", merchantInitiated: false);

        Assert.Equal(ShopperInteractions.Ecommerce, request.ShopperInteraction);
        Assert.Equal(RecurringProcessingModels.CardOnFile, request.RecurringProcessingModel);
    }

    [Fact]
    public void StoredPayment_for_autopay_is_contauth_unscheduled_card_on_file()
    {
        var request = AdyenRequests.StoredPayment(Guid.NewGuid(), Money.Dollars(1_000), Card, "acct-1", merchantInitiated: true);

        Assert.Equal(ShopperInteractions.ContAuth, request.ShopperInteraction);
        Assert.Equal(RecurringProcessingModels.UnscheduledCardOnFile, request.RecurringProcessingModel);
    }
}
