using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Portal.Modules.Payments.Adyen;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>Posts one notification item to the host's webhook endpoint the way Adyen does: JSON body and basic auth.</summary>
internal static class SignedWebhook
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, NotificationItem item, string user, string password)
    {
        var body = JsonSerializer.Serialize(new NotificationRequest("false", [new NotificationItemEnvelope(item)]), AdyenJson.Options);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/adyen") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client.SendAsync(request);
    }
}
