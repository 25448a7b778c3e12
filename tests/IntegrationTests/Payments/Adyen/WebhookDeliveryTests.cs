using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Adyen.Emulator;
using Portal.IntegrationTests.Payments.Adyen.Support;

namespace Portal.IntegrationTests.Payments.Adyen;

public sealed class WebhookDeliveryTests
{
    [Fact]
    public async Task Card_payment_sends_one_signed_authorisation_item_per_post_with_basic_auth()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var response = await harness.Client.PaymentsAsync(Requests.StoringCard("acct-000123"), Requests.NewKey(), CancellationToken.None);

        var webhook = (await harness.Webhooks.WaitForAsync(w => w.Count == 1))[0];

        Assert.Equal(("false", 1, true), (webhook.Live, webhook.ItemsInRequest, webhook.BasicAuthMatched));
        Assert.Equal((EventCodes.Authorisation, "true", response.PspReference, EmulatorHarness.MerchantAccount, "visa"),
            (webhook.Item.EventCode, webhook.Item.Success, webhook.Item.PspReference, webhook.Item.MerchantAccountCode, webhook.Item.PaymentMethod));
        Assert.Equal($"{response.AdditionalData![AdditionalDataKeys.AuthCode]}:1111:03/2030", webhook.Item.Reason);
        Assert.Equal(response.StoredPaymentMethodId, webhook.Item.AdditionalData![AdditionalDataKeys.StoredPaymentMethodId]);
        Assert.True(DateTimeOffset.TryParse(webhook.Item.EventDate, out _));
        Assert.True(AdyenHmac.IsValid(webhook.Item, EmulatorHarness.HmacKey));
    }

    [Fact]
    public async Task Refused_card_payment_sends_an_unsuccessful_authorisation_with_the_reason()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        await harness.Client.PaymentsAsync(Requests.Card(holderName: "NOT_ENOUGH_BALANCE"), Requests.NewKey(), CancellationToken.None);

        var webhook = (await harness.Webhooks.WaitForAsync(w => w.Count == 1))[0];

        Assert.Equal(("false", "Not enough balance"), (webhook.Item.Success, webhook.Item.Reason));
        Assert.True(AdyenHmac.IsValid(webhook.Item, EmulatorHarness.HmacKey));
    }

    [Fact]
    public async Task DuplicateWebhooks_delivers_each_item_twice()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Emulator.Chaos.DuplicateWebhooks = true;
        var response = await harness.Client.PaymentsAsync(Requests.Card(), Requests.NewKey(), CancellationToken.None);

        var webhooks = await harness.Webhooks.WaitForAsync(w => w.Count == 2);

        Assert.All(webhooks, w => Assert.Equal((EventCodes.Authorisation, response.PspReference), (w.Item.EventCode, w.Item.PspReference)));
    }

    [Fact]
    public async Task HoldWebhooks_keeps_them_back_until_released_in_reverse_order()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Emulator.Chaos.HoldWebhooks = true;
        var payment = await harness.Client.PaymentsAsync(Requests.Card(), Requests.NewKey(), CancellationToken.None);
        await harness.Client.RefundAsync(payment.PspReference!, new RefundRequest(new Amount("USD", 100)), Requests.NewKey(), CancellationToken.None);
        var whileHeld = harness.Webhooks.Received.Count;

        harness.Emulator.Chaos.HoldWebhooks = false;
        await harness.Emulator.ReleaseHeldWebhooksAsync(reverseOrder: true, CancellationToken.None);
        var webhooks = await harness.Webhooks.WaitForAsync(w => w.Count == 2);

        Assert.Equal(0, whileHeld);
        Assert.Equal(new[] { EventCodes.Refund, EventCodes.Authorisation }, webhooks.Select(w => w.Item.EventCode));
    }

    [Fact]
    public async Task A_rejected_delivery_is_retried_until_accepted()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Webhooks.RejectNext(1);

        var response = await harness.Client.PaymentsAsync(Requests.Card(), Requests.NewKey(), CancellationToken.None);
        var webhooks = await harness.Webhooks.WaitForAsync(w => w.Count == 1);

        Assert.Equal(1, harness.Webhooks.RejectedCount);
        Assert.Equal(response.PspReference, webhooks[0].Item.PspReference);
    }

    [Fact]
    public async Task WebhookTarget_set_after_start_receives_the_webhooks()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o with { WebhookTarget = null });
        using var http = new HttpClient();
        harness.Emulator.WebhookTarget = new WebhookTarget(http, harness.Webhooks.Url);

        var response = await harness.Client.PaymentsAsync(Requests.Card(), Requests.NewKey(), CancellationToken.None);
        var webhooks = await harness.Webhooks.WaitForAsync(w => w.Count == 1);

        Assert.Equal(response.PspReference, webhooks[0].Item.PspReference);
    }

    [Fact]
    public async Task SendChargeback_sends_a_signed_chargeback_for_the_card_payment()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var payment = await harness.Client.PaymentsAsync(Requests.Card(), Requests.NewKey(), CancellationToken.None);

        await harness.Emulator.SendChargebackAsync(payment.PspReference!, CancellationToken.None);
        var webhooks = await harness.Webhooks.WaitForAsync(w => w.Any(x => x.Item.EventCode == EventCodes.Chargeback));

        var chargeback = webhooks.Single(w => w.Item.EventCode == EventCodes.Chargeback).Item;
        Assert.Equal((payment.PspReference, new Amount("USD", 12550)), (chargeback.OriginalReference, chargeback.Amount));
        Assert.True(AdyenHmac.IsValid(chargeback, EmulatorHarness.HmacKey));
    }
}
