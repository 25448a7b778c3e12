using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Adyen.Emulator;
using Portal.IntegrationTests.Payments.Adyen.Support;

namespace Portal.IntegrationTests.Payments.Adyen;

public sealed class ClientErrorTests
{
    [Fact]
    public async Task Payments_without_return_url_is_a_422_with_adyens_code()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var error = await Assert.ThrowsAsync<AdyenApiException>(() =>
            harness.Client.PaymentsAsync(Requests.Card() with { ReturnUrl = "" }, Requests.NewKey(), CancellationToken.None));

        Assert.Equal((422, "14_030", "validation"), (error.StatusCode, error.ErrorCode, error.ErrorType));
    }

    [Fact]
    public async Task Payments_with_a_wrong_api_key_is_a_401()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var client = harness.ClientWith(o => o with { ApiKey = "wrong-key" });

        var error = await Assert.ThrowsAsync<AdyenApiException>(() => client.PaymentsAsync(Requests.Card(), Requests.NewKey(), CancellationToken.None));

        Assert.Equal((401, "000", "security"), (error.StatusCode, error.ErrorCode, error.ErrorType));
        Assert.DoesNotContain("wrong-key", error.Message);
        Assert.Equal(0, harness.Emulator.ChargeCount);
    }

    [Fact]
    public async Task Payments_for_another_merchant_account_is_a_403_901()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var client = harness.ClientWith(o => o with { MerchantAccount = "SomeoneElse" });

        var error = await Assert.ThrowsAsync<AdyenApiException>(() => client.PaymentsAsync(Requests.Card(), Requests.NewKey(), CancellationToken.None));

        Assert.Equal((403, "901"), (error.StatusCode, error.ErrorCode));
    }

    [Fact]
    public async Task Payments_on_an_unreachable_emulator_is_unavailable()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        await harness.Emulator.DisposeAsync();

        // Connection refused: the request never left us, which the pay flow may treat as an error rather than an unknown outcome.
        var thrown = await Assert.ThrowsAsync<AdyenUnreachableException>(() => harness.Client.PaymentsAsync(Requests.Card(), Requests.NewKey(), CancellationToken.None));
        Assert.IsAssignableFrom<AdyenUnavailableException>(thrown);
    }
}
