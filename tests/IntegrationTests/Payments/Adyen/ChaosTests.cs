using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Adyen.Emulator;
using Portal.IntegrationTests.Payments.Adyen.Support;

namespace Portal.IntegrationTests.Payments.Adyen;

public sealed class ChaosTests
{
    [Fact]
    public async Task FailNext_answers_500_without_charging_and_the_retry_charges_once()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Emulator.Chaos.FailNext(1);
        var request = Requests.Card();
        var key = Requests.NewKey();

        var error = await Assert.ThrowsAsync<AdyenApiException>(() => harness.Client.PaymentsAsync(request, key, CancellationToken.None));
        var chargesAfterFailure = harness.Emulator.ChargeCount;
        var retry = await harness.Client.PaymentsAsync(request, key, CancellationToken.None);

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(0, chargesAfterFailure);
        Assert.Equal(ResultCodes.Authorised, retry.ResultCode);
        Assert.Equal(1, harness.Emulator.ChargeCount);
    }

    [Fact]
    public async Task DropResponseAfterChargeNext_is_unavailable_then_the_same_key_returns_the_authorised_charge()
    {
        await using var harness = await EmulatorHarness.StartAsync(clientTimeout: TimeSpan.FromSeconds(2));
        harness.Emulator.Chaos.DropResponseAfterChargeNext(1);
        var request = Requests.Card();
        var key = Requests.NewKey();

        var error = await Assert.ThrowsAsync<AdyenUnavailableException>(() => harness.Client.PaymentsAsync(request, key, CancellationToken.None));
        var chargesAfterDrop = harness.Emulator.ChargeCount;
        var retry = await harness.Client.PaymentsAsync(request, key, CancellationToken.None);

        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(1, chargesAfterDrop);
        Assert.Equal(ResultCodes.Authorised, retry.ResultCode);
        Assert.Equal(harness.Emulator.Charges[0].PspReference, retry.PspReference);
        Assert.Equal(1, harness.Emulator.ChargeCount);
    }

    [Fact]
    public async Task Latency_beyond_the_client_timeout_is_unavailable_and_the_retry_replays_the_charge()
    {
        await using var harness = await EmulatorHarness.StartAsync(clientTimeout: TimeSpan.FromMilliseconds(300));
        harness.Emulator.Chaos.Latency = TimeSpan.FromMilliseconds(800);
        var request = Requests.Card();
        var key = Requests.NewKey();

        await Assert.ThrowsAsync<AdyenUnavailableException>(() => harness.Client.PaymentsAsync(request, key, CancellationToken.None));
        harness.Emulator.Chaos.Latency = TimeSpan.Zero;
        var webhook = await harness.Webhooks.WaitForAsync(w => w.Count == 1);
        var retry = await harness.Client.PaymentsAsync(request, key, CancellationToken.None);

        Assert.Equal(webhook[0].Item.PspReference, retry.PspReference);
        Assert.Equal(ResultCodes.Authorised, retry.ResultCode);
        Assert.Equal(1, harness.Emulator.ChargeCount);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_reported_as_unavailable()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Emulator.Chaos.Latency = TimeSpan.FromSeconds(2);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var error = await Record.ExceptionAsync(() => harness.Client.PaymentsAsync(Requests.Card(), Requests.NewKey(), cancel.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }
}
