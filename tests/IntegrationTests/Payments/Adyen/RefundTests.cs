using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Adyen.Emulator;
using Portal.IntegrationTests.Payments.Adyen.Support;

namespace Portal.IntegrationTests.Payments.Adyen;

public sealed class RefundTests
{
    [Fact]
    public async Task RefundAsync_is_received_and_followed_by_a_successful_refund_webhook()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var payment = await harness.Client.PaymentsAsync(Requests.Card(), Requests.NewKey(), CancellationToken.None);
        var refund = new RefundRequest(new Amount("USD", 5000)) { Reference = "RFD-0042", MerchantRefundReason = "CUSTOMER REQUEST" };

        var response = await harness.Client.RefundAsync(payment.PspReference!, refund, Requests.NewKey(), CancellationToken.None);
        var webhooks = await harness.Webhooks.WaitForAsync(w => w.Any(x => x.Item.EventCode == EventCodes.Refund));

        Assert.Equal(("received", payment.PspReference, EmulatorHarness.MerchantAccount, "RFD-0042"),
            (response.Status, response.PaymentPspReference, response.MerchantAccount, response.Reference));
        Assert.NotEqual(payment.PspReference, response.PspReference);
        var item = webhooks.Single(w => w.Item.EventCode == EventCodes.Refund).Item;
        Assert.Equal(("true", response.PspReference, payment.PspReference, "RFD-0042"),
            (item.Success, item.PspReference, item.OriginalReference, item.MerchantReference));
        Assert.Equal(new Amount("USD", 5000), item.Amount);
        Assert.True(AdyenHmac.IsValid(item, EmulatorHarness.HmacKey));
    }

    [Fact]
    public async Task RefundAsync_above_what_remains_is_a_422_after_earlier_partial_refunds()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var payment = await harness.Client.PaymentsAsync(Requests.Card(value: 10000), Requests.NewKey(), CancellationToken.None);
        await harness.Client.RefundAsync(payment.PspReference!, new RefundRequest(new Amount("USD", 6000)), Requests.NewKey(), CancellationToken.None);

        var error = await Assert.ThrowsAsync<AdyenApiException>(() => harness.Client.RefundAsync(
            payment.PspReference!, new RefundRequest(new Amount("USD", 4001)), Requests.NewKey(), CancellationToken.None));
        var rest = await harness.Client.RefundAsync(payment.PspReference!, new RefundRequest(new Amount("USD", 4000)), Requests.NewKey(), CancellationToken.None);

        Assert.Equal(422, error.StatusCode);
        Assert.Equal("received", rest.Status);
        Assert.Equal(10000, harness.Emulator.Charges[0].RefundedValue);
    }

    [Fact]
    public async Task RefundAsync_of_a_refund_failed_payment_sends_refund_then_refund_failed()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var payment = await harness.Client.PaymentsAsync(Requests.Card(holderName: "refund failed"), Requests.NewKey(), CancellationToken.None);

        await harness.Client.RefundAsync(payment.PspReference!, new RefundRequest(new Amount("USD", 5000)), Requests.NewKey(), CancellationToken.None);
        var webhooks = await harness.Webhooks.WaitForAsync(w => w.Any(x => x.Item.EventCode == EventCodes.RefundFailed));

        Assert.Equal(ResultCodes.Authorised, payment.ResultCode);
        Assert.Equal(new[] { EventCodes.Authorisation, EventCodes.Refund, EventCodes.RefundFailed }, webhooks.Select(w => w.Item.EventCode));
        Assert.All(webhooks, w => Assert.True(AdyenHmac.IsValid(w.Item, EmulatorHarness.HmacKey)));
    }

    [Fact]
    public async Task RefundAsync_of_an_unknown_payment_is_a_422()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var error = await Assert.ThrowsAsync<AdyenApiException>(() => harness.Client.RefundAsync(
            "NOSUCHPAYMENT000", new RefundRequest(new Amount("USD", 100)), Requests.NewKey(), CancellationToken.None));

        Assert.Equal(422, error.StatusCode);
    }

    [Fact]
    public async Task RefundAsync_of_a_refused_payment_is_received_but_the_webhook_reports_failure()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var payment = await harness.Client.PaymentsAsync(Requests.Card(holderName: "DECLINED"), Requests.NewKey(), CancellationToken.None);

        await harness.Client.RefundAsync(payment.PspReference!, new RefundRequest(new Amount("USD", 100)), Requests.NewKey(), CancellationToken.None);
        var webhooks = await harness.Webhooks.WaitForAsync(w => w.Any(x => x.Item.EventCode == EventCodes.Refund));

        Assert.Equal("false", webhooks.Single(w => w.Item.EventCode == EventCodes.Refund).Item.Success);
    }
}
