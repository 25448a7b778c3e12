using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Adyen.Emulator;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>An account with an accounting user signed in, invoices to pay, and the host's emulator delivering webhooks to the host.</summary>
internal sealed class PaymentFixture(PortalWebFactory portal, HttpClient user, Guid account, AdyenEmulator emulator)
{
    public PortalWebFactory Portal => portal;

    public HttpClient User => user;

    public Guid Account => account;

    public AdyenEmulator Emulator => emulator;

    public static async Task<PaymentFixture> CreateAsync(PortalWebFactory portal)
    {
        var account = await portal.CreateAccountAsync("A-500", "Birch Lane Condos");
        await portal.AddMemberAsync(account, "payer", AccountRole.Accounting);
        var user = await portal.LoginAsync("payer");
        var emulator = portal.Services.GetRequiredService<AdyenEndpoint>().Emulator!;
        emulator.WebhookTarget = new WebhookTarget(portal.CreateClient(), new Uri(portal.Server.BaseAddress, "/api/webhooks/adyen"));
        return new PaymentFixture(portal, user, account, emulator);
    }

    public async Task<Guid> InvoiceAsync(string number, long cents, int dueInDays, bool allowPartial = true)
    {
        var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime);
        var created = await portal.SendAsync(new CreateInvoiceCommand(account, number, today.AddDays(-10), today.AddDays(dueInDays), null,
            [new InvoiceLineInputDto("Lawn care", 1m, Money.Dollars(cents))], allowPartial));
        return created.InvoiceId;
    }

    public static object Card(string holderName = "Pat Customer", string number = "4111111111111111") => new
    {
        type = "scheme", encryptedCardNumber = $"test_{number}", encryptedExpiryMonth = "test_03", encryptedExpiryYear = "test_2030",
        encryptedSecurityCode = "test_737", holderName,
    };

    public static object Ach() => new { type = "ach", bankAccountNumber = "1234567890", bankLocationId = "011000138", ownerName = "Pat Customer" };

    public Task<HttpResponseMessage> PayAsync(string key, long cents, object method, object[]? allocations = null, bool save = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/accounts/{account}/payments")
        {
            Content = JsonContent.Create(new { amount = new { currency = "USD", value = cents }, allocations, paymentMethod = method, savePaymentMethod = save }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return user.SendAsync(request);
    }

    public async Task<long> BalanceAsync(Guid invoiceId) =>
        (await portal.SendAsync(new GetInvoiceQuery(account, invoiceId)))!.Balance.Value;

    public async Task<long> PendingAsync(Guid invoiceId) =>
        (await portal.SendAsync(new GetInvoiceQuery(account, invoiceId)))!.PendingPayments.Value;

    /// <summary>Waits (bounded) for the emulator's webhooks to reach the host, then delivers the outbox.</summary>
    public async Task SettleWebhooksAsync(int expectedDeliveries)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (emulator.SentWebhooks.Count < expectedDeliveries && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        await portal.DrainOutboxAsync();
    }
}
