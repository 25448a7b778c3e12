using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Adyen.Emulator;
using Portal.IntegrationTests.Payments.Adyen.Support;

namespace Portal.IntegrationTests.Payments.Adyen;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task Payments_replayed_with_the_same_key_returns_the_first_answer_and_charges_once()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var request = Requests.Card();
        var key = Requests.NewKey();

        var first = await harness.Client.PaymentsAsync(request, key, CancellationToken.None);
        var replay = await harness.Client.PaymentsAsync(request, key, CancellationToken.None);

        Assert.Equal(first.PspReference, replay.PspReference);
        Assert.Equal(first.AdditionalData![AdditionalDataKeys.AuthCode], replay.AdditionalData![AdditionalDataKeys.AuthCode]);
        var charge = Assert.Single(harness.Emulator.Charges);
        Assert.Equal(key, charge.IdempotencyKey);
    }

    [Fact]
    public async Task Payments_replay_echoes_the_key_and_repeats_status_and_body_byte_for_byte()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        using var http = new HttpClient { BaseAddress = harness.Emulator.BaseUrl };
        const string body = """
            {"merchantAccount":"PortalMerchantUS","reference":"PAY-raw","amount":{"currency":"USD","value":100},
             "paymentMethod":{"type":"scheme","encryptedCardNumber":"test_4111111111111111","encryptedExpiryMonth":"test_03",
             "encryptedExpiryYear":"test_2030","encryptedSecurityCode":"test_737","holderName":"DECLINED"},
             "returnUrl":"https://portal.example.test/return"}
            """;

        var (firstStatus, firstEcho, firstBody) = await PostRawAsync(http, body, "raw-key-1");
        var (replayStatus, replayEcho, replayBody) = await PostRawAsync(http, body, "raw-key-1");

        Assert.Equal((200, "raw-key-1"), (firstStatus, firstEcho));
        Assert.Equal((firstStatus, firstEcho, firstBody), (replayStatus, replayEcho, replayBody));
        Assert.Contains("\"resultCode\":\"Refused\"", firstBody);
        Assert.Equal(1, harness.Emulator.ChargeCount);
    }

    [Fact]
    public async Task Payments_with_a_used_key_and_another_body_is_a_422_704_that_is_not_transient()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var key = Requests.NewKey();
        await harness.Client.PaymentsAsync(Requests.Card(), key, CancellationToken.None);

        var error = await Assert.ThrowsAsync<AdyenApiException>(() => harness.Client.PaymentsAsync(Requests.Card(value: 1), key, CancellationToken.None));

        Assert.Equal((422, "704", false), (error.StatusCode, error.ErrorCode, error.IsTransient));
        Assert.Equal(1, harness.Emulator.ChargeCount);
    }

    [Fact]
    public async Task Payments_sent_six_times_at_once_with_one_key_charges_exactly_once()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Emulator.Chaos.Latency = TimeSpan.FromMilliseconds(300);
        var request = Requests.Card();
        var key = Requests.NewKey();

        var attempts = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (Response: await harness.Client.PaymentsAsync(request, key, CancellationToken.None), Error: (AdyenApiException?)null);
            }
            catch (AdyenApiException ex)
            {
                return (Response: (PaymentResponse?)null, Error: ex);
            }
        }));
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, harness.Emulator.ChargeCount);
        var succeeded = results.Where(r => r.Response is not null).Select(r => r.Response!.PspReference).ToList();
        Assert.NotEmpty(succeeded);
        Assert.All(succeeded, psp => Assert.Equal(harness.Emulator.Charges[0].PspReference, psp));
        Assert.All(results.Where(r => r.Error is not null), r => Assert.Equal((422, "704", true), (r.Error!.StatusCode, r.Error.ErrorCode, r.Error.IsTransient)));
        Assert.Contains(results, r => r.Error is not null);
    }

    [Fact]
    public async Task RefundAsync_replayed_with_the_same_key_refunds_once()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var payment = await harness.Client.PaymentsAsync(Requests.Card(), Requests.NewKey(), CancellationToken.None);
        var refund = new RefundRequest(new Amount("USD", 5000)) { Reference = "RFD-0042" };
        var key = Requests.NewKey();

        var first = await harness.Client.RefundAsync(payment.PspReference!, refund, key, CancellationToken.None);
        var replay = await harness.Client.RefundAsync(payment.PspReference!, refund, key, CancellationToken.None);

        Assert.Equal(first.PspReference, replay.PspReference);
        Assert.Single(harness.Emulator.Refunds);
    }

    private static async Task<(int Status, string? Echo, string Body)> PostRawAsync(HttpClient http, string body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "payments") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-API-Key", EmulatorHarness.ApiKey);
        request.Headers.Add("Idempotency-Key", key);
        using var response = await http.SendAsync(request);
        var echo = response.Headers.TryGetValues("Idempotency-Key", out var values) ? values.Single() : null;
        return ((int)response.StatusCode, echo, await response.Content.ReadAsStringAsync());
    }
}
