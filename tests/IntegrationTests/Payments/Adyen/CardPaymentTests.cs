using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Adyen.Emulator;
using System.Text.RegularExpressions;
using Portal.IntegrationTests.Payments.Adyen.Support;

namespace Portal.IntegrationTests.Payments.Adyen;

public sealed class CardPaymentTests
{
    [Fact]
    public async Task Payments_with_a_visa_test_card_is_authorised()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var request = Requests.Card();

        var response = await harness.Client.PaymentsAsync(request, Requests.NewKey(), CancellationToken.None);

        Assert.Equal(ResultCodes.Authorised, response.ResultCode);
        Assert.Matches(new Regex("^[A-Z0-9]{16}$"), response.PspReference);
        Assert.Equal(request.Reference, response.MerchantReference);
        Assert.Equal(new Amount("USD", 12550), response.Amount);
        Assert.Equal(new ResponsePaymentMethod("scheme", "visa"), response.PaymentMethod);
        Assert.Matches(new Regex("^[0-9]{6}$"), response.AdditionalData![AdditionalDataKeys.AuthCode]);
        Assert.Null(response.StoredPaymentMethodId);
        Assert.Equal(1, harness.Emulator.ChargeCount);
    }

    [Theory]
    [InlineData("5555555555554444", "mc")]
    [InlineData("2222400070000005", "mc")]
    [InlineData("370000000000002", "amex")]
    [InlineData("6011601160116611", "discover")]
    [InlineData("6445644564456445", "discover")]
    public async Task Payments_detects_the_brand_from_the_number(string number, string brand)
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var response = await harness.Client.PaymentsAsync(Requests.Card(number, cvc: brand == "amex" ? "7373" : "737"), Requests.NewKey(), CancellationToken.None);

        Assert.Equal(ResultCodes.Authorised, response.ResultCode);
        Assert.Equal(brand, response.PaymentMethod!.Brand);
    }

    [Theory]
    [InlineData("DECLINED", "Refused", "Refused", "2")]
    [InlineData("NOT_ENOUGH_BALANCE", "Refused", "Not enough balance", "12")]
    [InlineData("BLOCK_CARD", "Refused", "Blocked Card", "5")]
    [InlineData("ERROR", "Error", "Acquirer Error", "4")]
    [InlineData("PENDING", "Received", null, null)]
    public async Task Payments_with_a_magic_holder_name_gives_the_listed_result(string holderName, string resultCode, string? reason, string? code)
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var response = await harness.Client.PaymentsAsync(Requests.Card(holderName: holderName), Requests.NewKey(), CancellationToken.None);

        Assert.Equal(resultCode, response.ResultCode);
        Assert.Equal(reason, response.RefusalReason);
        Assert.Equal(code, response.RefusalReasonCode);
        Assert.NotNull(response.PspReference);
        Assert.Null(response.PaymentMethod);
    }

    [Fact]
    public async Task Payments_with_an_expiry_in_the_past_is_refused_as_expired()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var response = await harness.Client.PaymentsAsync(Requests.Card(month: "01", year: "2020"), Requests.NewKey(), CancellationToken.None);

        Assert.Equal((ResultCodes.Refused, "Expired Card", "6"), (response.ResultCode, response.RefusalReason, response.RefusalReasonCode));
    }

    [Fact]
    public async Task Payments_with_an_unlisted_card_is_refused_as_invalid_card_number()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var response = await harness.Client.PaymentsAsync(Requests.Card("4242424242424242"), Requests.NewKey(), CancellationToken.None);

        Assert.Equal((ResultCodes.Refused, "Invalid Card Number", "8"), (response.ResultCode, response.RefusalReason, response.RefusalReasonCode));
    }

    [Fact]
    public async Task Payments_with_a_wrong_cvc_is_refused_generically()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var response = await harness.Client.PaymentsAsync(Requests.Card(cvc: "123"), Requests.NewKey(), CancellationToken.None);

        Assert.Equal((ResultCodes.Refused, "Refused", "2"), (response.ResultCode, response.RefusalReason, response.RefusalReasonCode));
    }

    [Fact]
    public async Task Payments_with_a_number_failing_luhn_is_a_422_invalid_card_number()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var error = await Assert.ThrowsAsync<AdyenApiException>(() =>
            harness.Client.PaymentsAsync(Requests.Card("4111111111111112"), Requests.NewKey(), CancellationToken.None));

        Assert.Equal((422, "101"), (error.StatusCode, error.ErrorCode));
        Assert.Equal(0, harness.Emulator.ChargeCount);
    }

    [Fact]
    public async Task Emulator_keeps_only_brand_and_last_four_of_the_card()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        await harness.Client.PaymentsAsync(Requests.Card(), Requests.NewKey(), CancellationToken.None);

        var charge = Assert.Single(harness.Emulator.Charges);
        Assert.Equal(("visa", "1111"), (charge.Method.Brand, charge.Method.LastFour));
        Assert.DoesNotContain("411111111111", charge.ToString());
    }

    [Fact]
    public async Task PaymentDetails_naming_one_of_our_payments_returns_its_result_and_unknown_details_are_a_422()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var payment = await harness.Client.PaymentsAsync(Requests.Card(), Requests.NewKey(), CancellationToken.None);

        var details = await harness.Client.PaymentDetailsAsync(
            new PaymentDetailsRequest(new() { ["redirectResult"] = payment.PspReference! }), Requests.NewKey(), CancellationToken.None);
        var error = await Assert.ThrowsAsync<AdyenApiException>(() => harness.Client.PaymentDetailsAsync(
            new PaymentDetailsRequest(new() { ["redirectResult"] = "nothing-pending" }), Requests.NewKey(), CancellationToken.None));

        Assert.Equal((ResultCodes.Authorised, payment.PspReference), (details.ResultCode, details.PspReference));
        Assert.Equal(422, error.StatusCode);
        Assert.Equal(1, harness.Emulator.ChargeCount);
    }
}
