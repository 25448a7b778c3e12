using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Adyen.Emulator;
using Portal.IntegrationTests.Payments.Adyen.Support;

namespace Portal.IntegrationTests.Payments.Adyen;

public sealed class AchTests
{
    [Fact]
    public async Task Payments_by_ach_is_received_then_a_signed_authorisation_webhook_settles_it()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var request = Requests.Ach();

        var response = await harness.Client.PaymentsAsync(request, Requests.NewKey(), CancellationToken.None);
        var beforeSettlement = harness.Webhooks.Received.Count;
        await harness.Emulator.SettlePendingAchAsync(CancellationToken.None);
        var webhooks = await harness.Webhooks.WaitForAsync(w => w.Count == 1);

        Assert.Equal(ResultCodes.Received, response.ResultCode);
        Assert.Matches("^[A-Z0-9]{16}$", response.PspReference);
        Assert.Equal(0, beforeSettlement);
        var webhook = webhooks[0];
        Assert.Equal((EventCodes.Authorisation, "true", response.PspReference, request.Reference, "ach"),
            (webhook.Item.EventCode, webhook.Item.Success, webhook.Item.PspReference, webhook.Item.MerchantReference, webhook.Item.PaymentMethod));
        Assert.Equal(new Amount("USD", 40000), webhook.Item.Amount);
        Assert.True(webhook.BasicAuthMatched);
        Assert.True(AdyenHmac.IsValid(webhook.Item, EmulatorHarness.HmacKey));
    }

    [Fact]
    public async Task Payments_by_ach_with_zero_settlement_delay_sends_the_webhook_unprompted()
    {
        await using var harness = await EmulatorHarness.StartAsync(o => o with { AchSettlementDelay = TimeSpan.Zero });

        var response = await harness.Client.PaymentsAsync(Requests.Ach(), Requests.NewKey(), CancellationToken.None);
        var webhooks = await harness.Webhooks.WaitForAsync(w => w.Count == 1);

        Assert.Equal((response.PspReference, "true"), (webhooks[0].Item.PspReference, webhooks[0].Item.Success));
    }

    [Fact]
    public async Task FailAch_before_settlement_sends_an_unsuccessful_authorisation()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var response = await harness.Client.PaymentsAsync(Requests.Ach(), Requests.NewKey(), CancellationToken.None);

        await harness.Emulator.FailAchAsync(response.PspReference!, CancellationToken.None);
        await harness.Emulator.SettlePendingAchAsync(CancellationToken.None);
        var webhooks = await harness.Webhooks.WaitForAsync(w => w.Count >= 1);

        var webhook = Assert.Single(webhooks);
        Assert.Equal((EventCodes.Authorisation, "false"), (webhook.Item.EventCode, webhook.Item.Success));
        Assert.False(string.IsNullOrEmpty(webhook.Item.Reason));
        Assert.True(AdyenHmac.IsValid(webhook.Item, EmulatorHarness.HmacKey));
    }

    [Fact]
    public async Task FailAch_after_settlement_is_a_return_sent_as_chargeback()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var response = await harness.Client.PaymentsAsync(Requests.Ach(), Requests.NewKey(), CancellationToken.None);
        await harness.Emulator.SettlePendingAchAsync(CancellationToken.None);

        await harness.Emulator.FailAchAsync(response.PspReference!, CancellationToken.None);
        var webhooks = await harness.Webhooks.WaitForAsync(w => w.Count == 2);

        var chargeback = webhooks.Single(w => w.Item.EventCode == EventCodes.Chargeback).Item;
        Assert.Equal(response.PspReference, chargeback.OriginalReference);
        Assert.NotEqual(response.PspReference, chargeback.PspReference);
        Assert.Equal("false", chargeback.AdditionalData!["defendable"]);
        Assert.True(AdyenHmac.IsValid(chargeback, EmulatorHarness.HmacKey));
    }

    [Fact]
    public async Task Payments_by_ach_storing_the_account_lists_it_as_ach_and_pays_again_with_the_token()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var first = await harness.Client.PaymentsAsync(Requests.Ach(shopperReference: "acct-000777"), Requests.NewKey(), CancellationToken.None);

        var listed = Assert.Single(await harness.Client.ListStoredPaymentMethodsAsync("acct-000777", CancellationToken.None));
        var again = await harness.Client.PaymentsAsync(
            Requests.WithToken(first.StoredPaymentMethodId!, "acct-000777") with { PaymentMethod = PaymentMethodDetails.Stored(listed.Id, "ach") },
            Requests.NewKey(), CancellationToken.None);

        Assert.Equal(("ach", "7890", "Pat Customer"), (listed.Type, listed.LastFour, listed.OwnerName));
        Assert.Equal(ResultCodes.Received, again.ResultCode);
    }

    [Fact]
    public async Task Payments_by_ach_with_a_bad_routing_number_is_a_422()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var request = Requests.Ach() with { PaymentMethod = PaymentMethodDetails.Ach("1234567890", "011000139", "Pat Customer") };

        var error = await Assert.ThrowsAsync<AdyenApiException>(() => harness.Client.PaymentsAsync(request, Requests.NewKey(), CancellationToken.None));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal(0, harness.Emulator.ChargeCount);
    }
}
