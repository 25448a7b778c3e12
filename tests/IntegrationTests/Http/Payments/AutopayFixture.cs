using System.Net.Http.Json;
using System.Text.Json;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Payments.Contracts.Autopay;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>An account with a saved card and autopay on (the card comes from a paid setup invoice).</summary>
internal static class AutopayFixture
{
    public static async Task<PaymentFixture> WithAutopayAsync(PortalWebFactory factory, object? card = null, Func<string, object>? settings = null)
    {
        var pay = await PaymentFixture.CreateAsync(factory);
        await pay.InvoiceAsync("INV-SETUP", 100, dueInDays: 30);
        await pay.PayAsync("setup", 100, card ?? PaymentFixture.Card(), save: true);
        var methodId = (await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payment-methods"))[0].GetProperty("paymentMethodId").GetString();
        var put = await pay.User.PutAsJsonAsync($"/api/accounts/{pay.Account}/autopay", settings?.Invoke(methodId!) ?? new { enabled = true, paymentMethodId = methodId });
        put.EnsureSuccessStatusCode();
        await factory.DrainOutboxAsync();
        return pay;
    }

    public static async Task<string> MethodIdAsync(PaymentFixture pay) =>
        (await pay.User.GetFromJsonAsync<JsonElement>($"/api/accounts/{pay.Account}/payment-methods"))[0].GetProperty("paymentMethodId").GetString()!;

    public static object Card(string month, string year) => new
    {
        type = "scheme", encryptedCardNumber = "test_4111111111111111", encryptedExpiryMonth = $"test_{month}", encryptedExpiryYear = $"test_{year}",
        encryptedSecurityCode = "test_737", holderName = "Pat Customer",
    };

    public static Task RunAsync(PortalWebFactory factory) => factory.SendAsync(new RunAutopayCommand());

    public static async Task<IReadOnlyList<string>> PlannedAsync(PortalWebFactory factory, Guid account) =>
        (await factory.SendAsync(new GetAutopayPlanQuery(account))).Charges.Select(c => c.InvoiceNumber).ToList();

    public static IReadOnlyList<MailItem> Mails(PortalWebFactory factory, string subjectStart, string to = "payer@example.test") =>
        factory.Mailbox.To(to).Where(m => m.Subject.StartsWith(subjectStart, StringComparison.Ordinal)).ToList();
}
