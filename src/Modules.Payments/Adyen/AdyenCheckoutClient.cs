using System.Text;
using System.Text.Json;

namespace Portal.Modules.Payments.Adyen;

// Typed HttpClient: BaseAddress is the Checkout base including "/v71/" (see CheckoutBaseUrl).
// Metrics are optional so tests can drive the client against the emulator without a container.
internal sealed class AdyenCheckoutClient(HttpClient http, AdyenOptions options, PaymentsMetrics? metrics = null)
{
    private const int MaxIdempotencyKeyLength = 64;

    public static Uri CheckoutBaseUrl(AdyenOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.BaseUrl))
            return new Uri(options.BaseUrl.EndsWith('/') ? options.BaseUrl : options.BaseUrl + "/");
        return options.Mode switch
        {
            AdyenModes.Test => new Uri("https://checkout-test.adyen.com/v71/"),
            AdyenModes.Live when !string.IsNullOrWhiteSpace(options.LiveUrlPrefix) =>
                new Uri($"https://{options.LiveUrlPrefix}-checkout-live.adyenpayments.com/checkout/v71/"),
            AdyenModes.Live => throw new InvalidOperationException("Live mode needs Payments:Adyen:LiveUrlPrefix."),
            AdyenModes.Emulator => throw new InvalidOperationException("Emulator mode needs BaseUrl set to the running emulator's BaseUrl."),
            _ => throw new InvalidOperationException($"Unknown Payments:Adyen:Mode '{options.Mode}'."),
        };
    }

    public Task<PaymentResponse> PaymentsAsync(PaymentRequest request, string idempotencyKey, CancellationToken ct) =>
        SendAsync<PaymentResponse>(HttpMethod.Post, "payments", request with { MerchantAccount = options.MerchantAccount }, idempotencyKey, ct);

    public Task<PaymentResponse> PaymentDetailsAsync(PaymentDetailsRequest request, string idempotencyKey, CancellationToken ct) =>
        SendAsync<PaymentResponse>(HttpMethod.Post, "payments/details", request, idempotencyKey, ct);

    public async Task<IReadOnlyList<StoredPaymentMethodResource>> ListStoredPaymentMethodsAsync(string shopperReference, CancellationToken ct)
    {
        var response = await SendAsync<ListStoredPaymentMethodsResponse>(
            HttpMethod.Get, "storedPaymentMethods" + ShopperQuery(shopperReference), null, null, ct);
        return response.StoredPaymentMethods;
    }

    public Task DeleteStoredPaymentMethodAsync(string storedPaymentMethodId, string shopperReference, CancellationToken ct) =>
        SendAsync(HttpMethod.Delete,
            $"storedPaymentMethods/{Uri.EscapeDataString(storedPaymentMethodId)}" + ShopperQuery(shopperReference), null, null, ct);

    public Task<RefundResponse> RefundAsync(string paymentPspReference, RefundRequest request, string idempotencyKey, CancellationToken ct) =>
        SendAsync<RefundResponse>(HttpMethod.Post, $"payments/{Uri.EscapeDataString(paymentPspReference)}/refunds",
            request with { MerchantAccount = options.MerchantAccount }, idempotencyKey, ct);

    /// <summary>Facts §3: the technical cancel of a payment named by our reference, for when its answer (and pspReference) was lost.</summary>
    public Task<CancelByReferenceResponse> CancelByReferenceAsync(CancelByReferenceRequest request, string idempotencyKey, CancellationToken ct) =>
        SendAsync<CancelByReferenceResponse>(HttpMethod.Post, "cancels", request with { MerchantAccount = options.MerchantAccount }, idempotencyKey, ct);

    private string ShopperQuery(string shopperReference) =>
        $"?shopperReference={Uri.EscapeDataString(shopperReference)}&merchantAccount={Uri.EscapeDataString(options.MerchantAccount)}";

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, string? idempotencyKey, CancellationToken ct)
    {
        var text = await SendAsync(method, path, body, idempotencyKey, ct);
        try
        {
            return JsonSerializer.Deserialize<T>(text, AdyenJson.Options) ?? throw new JsonException("Adyen answered an empty body.");
        }
        catch (JsonException ex)
        {
            throw new AdyenUnavailableException(Operation(method, path), ex);
        }
    }

    private async Task<string> SendAsync(HttpMethod method, string path, object? body, string? idempotencyKey, CancellationToken ct)
    {
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > MaxIdempotencyKeyLength))
            throw new ArgumentException("An Adyen idempotency key has 1 to 64 characters.", nameof(idempotencyKey));

        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-API-Key", options.ApiKey);
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (body is not null)
            request.Content = new StringContent(JsonSerializer.Serialize(body, body.GetType(), AdyenJson.Options), Encoding.UTF8, "application/json");

        var operation = Operation(method, path);
        var route = PaymentsMetrics.Route(method.Method, path);
        using var activity = PaymentsMetrics.Traces.StartActivity("adyen " + route, System.Diagnostics.ActivityKind.Client);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            metrics?.ProcessorAnswered(route, response.IsSuccessStatusCode ? "ok" : "error", System.Diagnostics.Stopwatch.GetElapsedTime(started));
            return response.IsSuccessStatusCode ? text : throw ToException(response, text, operation);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                                                  or HttpRequestError.SecureConnectionError)
        {
            throw new AdyenUnreachableException(Operation(method, path), ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException
                                   || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            metrics?.ProcessorAnswered(route, "unavailable", System.Diagnostics.Stopwatch.GetElapsedTime(started));
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "unavailable");
            throw new AdyenUnavailableException(operation, ex);
        }
    }

    // Only the route, not the query: shopperReference stays out of exception messages.
    private static string Operation(HttpMethod method, string path) => $"{method} {path.Split('?')[0]}";

    private static Exception ToException(HttpResponseMessage response, string text, string operation)
    {
        var status = (int)response.StatusCode;
        var error = TryReadServiceError(text);
        if (error is null && status >= 500)
            return new AdyenUnavailableException(operation, new HttpRequestException($"HTTP {status} without a ServiceError body"));
        var transient = response.Headers.TryGetValues("transient-error", out var values)
                        && values.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));
        return new AdyenApiException(status, error, transient);
    }

    private static ServiceError? TryReadServiceError(string text)
    {
        try
        {
            var error = JsonSerializer.Deserialize<ServiceError>(text, AdyenJson.Options);
            return error?.ErrorCode is null ? null : error;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
