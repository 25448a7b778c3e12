using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Adyen.Emulator;
using Portal.IntegrationTests.Payments.Adyen.Support;

namespace Portal.IntegrationTests.Payments.Adyen;

public sealed class StoredPaymentMethodTests
{
    private const string Shopper = "acct-000123";

    [Fact]
    public async Task Payments_storing_the_card_returns_a_token_that_pays_again_for_the_same_shopper()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var first = await harness.Client.PaymentsAsync(Requests.StoringCard(Shopper), Requests.NewKey(), CancellationToken.None);
        var again = await harness.Client.PaymentsAsync(Requests.WithToken(first.StoredPaymentMethodId!, Shopper), Requests.NewKey(), CancellationToken.None);

        Assert.Equal(ResultCodes.Authorised, first.ResultCode);
        Assert.Matches("^[A-Z0-9]{16}$", first.StoredPaymentMethodId);
        Assert.Equal(Shopper, first.AdditionalData![AdditionalDataKeys.ShopperReference]);
        Assert.Equal("created", first.AdditionalData[AdditionalDataKeys.StoreOperationType]);
        Assert.Equal(ResultCodes.Authorised, again.ResultCode);
        Assert.Equal(new ResponsePaymentMethod("scheme", "visa"), again.PaymentMethod);
        Assert.NotEqual(first.PspReference, again.PspReference);
    }

    [Fact]
    public async Task Payments_storing_the_same_card_twice_reports_already_existing()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var first = await harness.Client.PaymentsAsync(Requests.StoringCard(Shopper), Requests.NewKey(), CancellationToken.None);
        var second = await harness.Client.PaymentsAsync(Requests.StoringCard(Shopper), Requests.NewKey(), CancellationToken.None);

        Assert.Equal(first.StoredPaymentMethodId, second.StoredPaymentMethodId);
        Assert.Equal("alreadyExisting", second.AdditionalData![AdditionalDataKeys.StoreOperationType]);
    }

    [Fact]
    public async Task Payments_with_a_token_of_another_shopper_is_a_422_and_charges_nothing()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var first = await harness.Client.PaymentsAsync(Requests.StoringCard(Shopper), Requests.NewKey(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<AdyenApiException>(() =>
            harness.Client.PaymentsAsync(Requests.WithToken(first.StoredPaymentMethodId!, "acct-999999"), Requests.NewKey(), CancellationToken.None));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal(1, harness.Emulator.ChargeCount);
    }

    [Fact]
    public async Task Payments_refused_does_not_store_the_card()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var response = await harness.Client.PaymentsAsync(Requests.StoringCard(Shopper, holderName: "DECLINED"), Requests.NewKey(), CancellationToken.None);

        Assert.Null(response.StoredPaymentMethodId);
        Assert.Empty(await harness.Client.ListStoredPaymentMethodsAsync(Shopper, CancellationToken.None));
    }

    [Fact]
    public async Task ListStoredPaymentMethods_shows_brand_last_four_and_expiry_and_delete_removes_it()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var first = await harness.Client.PaymentsAsync(Requests.StoringCard(Shopper, "5555555555554444"), Requests.NewKey(), CancellationToken.None);

        var listed = Assert.Single(await harness.Client.ListStoredPaymentMethodsAsync(Shopper, CancellationToken.None));
        await harness.Client.DeleteStoredPaymentMethodAsync(listed.Id, Shopper, CancellationToken.None);

        Assert.Equal((first.StoredPaymentMethodId, "scheme", "mc", "4444", "03", 2030, "Pat Customer"),
            (listed.Id, listed.Type, listed.Brand, listed.LastFour, listed.ExpiryMonth, listed.ExpiryYearFourDigits, listed.HolderName));
        Assert.Empty(await harness.Client.ListStoredPaymentMethodsAsync(Shopper, CancellationToken.None));
        await Assert.ThrowsAsync<AdyenApiException>(() =>
            harness.Client.PaymentsAsync(Requests.WithToken(listed.Id, Shopper), Requests.NewKey(), CancellationToken.None));
    }

    [Fact]
    public async Task DeleteStoredPaymentMethod_for_another_shopper_is_a_422_and_keeps_the_token()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var first = await harness.Client.PaymentsAsync(Requests.StoringCard(Shopper), Requests.NewKey(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<AdyenApiException>(() =>
            harness.Client.DeleteStoredPaymentMethodAsync(first.StoredPaymentMethodId!, "acct-999999", CancellationToken.None));

        Assert.Equal(422, error.StatusCode);
        Assert.Single(await harness.Client.ListStoredPaymentMethodsAsync(Shopper, CancellationToken.None));
    }

    [Fact]
    public async Task DeclineStoredCardsOnMit_refuses_merchant_initiated_token_payments_with_not_enough_balance()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var first = await harness.Client.PaymentsAsync(Requests.StoringCard(Shopper), Requests.NewKey(), CancellationToken.None);
        harness.Emulator.Chaos.DeclineStoredCardsOnMit = true;

        var response = await harness.Client.PaymentsAsync(Requests.WithToken(first.StoredPaymentMethodId!, Shopper), Requests.NewKey(), CancellationToken.None);

        Assert.Equal((ResultCodes.Refused, "Not enough balance", "12"), (response.ResultCode, response.RefusalReason, response.RefusalReasonCode));
    }

    [Fact]
    public async Task Payments_with_a_token_whose_card_expired_by_the_emulator_clock_is_refused()
    {
        var clock = new MovableTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        await using var harness = await EmulatorHarness.StartAsync(o => o with { TimeProvider = clock });
        var first = await harness.Client.PaymentsAsync(Requests.StoringCard(Shopper), Requests.NewKey(), CancellationToken.None);
        clock.Now = new DateTimeOffset(2030, 4, 1, 0, 0, 0, TimeSpan.Zero);

        var response = await harness.Client.PaymentsAsync(Requests.WithToken(first.StoredPaymentMethodId!, Shopper), Requests.NewKey(), CancellationToken.None);

        Assert.Equal((ResultCodes.Refused, "Expired Card"), (response.ResultCode, response.RefusalReason));
    }

    [Fact]
    public async Task Payments_with_a_token_but_no_recurring_model_is_a_422()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var first = await harness.Client.PaymentsAsync(Requests.StoringCard(Shopper), Requests.NewKey(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<AdyenApiException>(() => harness.Client.PaymentsAsync(
            Requests.WithToken(first.StoredPaymentMethodId!, Shopper) with { RecurringProcessingModel = null }, Requests.NewKey(), CancellationToken.None));

        Assert.Equal(422, error.StatusCode);
    }
    [Fact]
    public async Task Payments_with_a_token_as_card_on_file_with_the_shopper_present_must_be_ecommerce()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var first = await harness.Client.PaymentsAsync(Requests.StoringCard(Shopper), Requests.NewKey(), CancellationToken.None);
        var oneClick = Requests.WithToken(first.StoredPaymentMethodId!, Shopper) with { RecurringProcessingModel = RecurringProcessingModels.CardOnFile };

        var error = await Assert.ThrowsAsync<AdyenApiException>(() => harness.Client.PaymentsAsync(oneClick, Requests.NewKey(), CancellationToken.None));
        var ecommerce = await harness.Client.PaymentsAsync(oneClick with { ShopperInteraction = ShopperInteractions.Ecommerce }, Requests.NewKey(),
            CancellationToken.None);

        Assert.Equal(422, error.StatusCode);
        Assert.Equal(ResultCodes.Authorised, ecommerce.ResultCode);
        Assert.Equal(2, harness.Emulator.ChargeCount);
    }
}
