using Microsoft.Playwright;
using Portal.BuildingBlocks;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.BrowserTests;

public sealed class AutopayPageTests : BrowserTest
{
    [DbFact]
    public async Task Enabling_autopay_with_a_saved_card_on_the_profile_shows_it_and_the_next_charge_on_the_dashboard()
    {
        var account = await Portal.CreateAccountAsync("A-1", "Greenway HOA");
        await Portal.AddMemberAsync(account, "payer", AccountRole.Accounting);
        var setup = await InvoiceAsync(account, "INV-SETUP", 100, 30);
        await InvoiceAsync(account, "INV-7", 8_900, 7);
        await LoginAsync();
        await SaveCardAsync(account, setup);

        await Page.GotoAsync("/profile");
        await Page.CheckAsync("input[name=AutopayEnabled]");
        await Page.SelectOptionAsync("#autopay-method", new SelectOptionValue { Label = "visa ending 1111" });
        await Page.FillAsync("#autopay-limit", "500.00");
        await Page.ClickAsync("text=Save autopay");
        await Page.WaitForURLAsync("**/profile?done=autopay");
        await Page.ClickAsync("nav >> text=Dashboard");

        Assert.Contains("Autopay: on, invoices are charged on their due date, up to $500.00 each", await Page.InnerTextAsync("[data-autopay]"));
        var next = await Page.InnerTextAsync("[data-autopay-next]");
        Assert.Contains("$89.00", next);
        Assert.Contains(Portal.Clock.Today.AddDays(7).ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture), next);
        Assert.Contains("INV-7", next);
        Assert.Contains("ending 1111", next);
    }

    private async Task<Guid> InvoiceAsync(Guid account, string number, long cents, int dueInDays)
    {
        var today = Portal.Clock.Today;
        return (await Portal.SendAsync(new CreateInvoiceCommand(account, number, today.AddDays(-10), today.AddDays(dueInDays), null,
            [new InvoiceLineInputDto("Lawn care", 1m, Money.Dollars(cents))]))).InvoiceId;
    }

    // The card is saved by an earlier payment through the API (with the browser's cookie); the test is about the profile form and the dashboard.
    private async Task SaveCardAsync(Guid account, Guid invoice)
    {
        var response = await Page.APIRequest.PostAsync($"/api/accounts/{account}/payments", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Idempotency-Key"] = "save-card" },
            DataObject = new
            {
                amount = new { currency = "USD", value = 100 }, allocations = new[] { new { invoiceId = invoice, amount = new { currency = "USD", value = 100 } } },
                paymentMethod = new
                {
                    type = "scheme", encryptedCardNumber = "test_4111111111111111", encryptedExpiryMonth = "test_03", encryptedExpiryYear = "test_2030",
                    encryptedSecurityCode = "test_737", holderName = "Pat Customer",
                },
                savePaymentMethod = true,
            },
        });
        Assert.True(response.Ok, $"Saving the card answered {response.Status}.");
    }

    private async Task LoginAsync()
    {
        await Page.GotoAsync("/login");
        await Page.FillAsync("#userId", "payer");
        await Page.FillAsync("#password", PortalUsers.Password);
        await Page.ClickAsync("button[type=submit]");
        await Page.WaitForURLAsync("**/dashboard");
    }
}
