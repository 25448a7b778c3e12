using Microsoft.Playwright;
using Portal.BuildingBlocks;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.BrowserTests;

public sealed class PayFlowTests : BrowserTest
{
    [DbFact]
    public async Task Selecting_two_invoices_updates_the_total_and_a_new_card_pays_them_is_saved_reused_and_drives_autopay()
    {
        var account = await ArrangeAsync();
        await InvoiceAsync(account, "INV-1", 12_550, 5);
        await InvoiceAsync(account, "INV-2", 4_000, 10);
        await InvoiceAsync(account, "INV-3", 9_900, 20);

        await Page.GotoAsync("/pay");
        await Page.CheckAsync("tr[data-invoice='INV-2'] [data-select]");
        Assert.Equal("$165.50", await Page.InnerTextAsync("[data-total]"));
        await Page.CheckAsync("input[value=card]");
        await FillCardAsync("Pat Customer");
        await Page.CheckAsync("input[name=SaveMethod]");
        await Page.ClickAsync("[data-pay-button]");
        await Page.WaitForURLAsync("**/payments/*?new=true");
        Assert.Contains("Thank you", await Page.InnerTextAsync("h1"));

        await Page.GotoAsync("/invoices?status=paid");
        Assert.Equal(2, await Page.Locator("tr[data-invoice]").CountAsync());

        await Page.GotoAsync("/pay");
        Assert.True(await Page.IsCheckedAsync("input[value^='saved:']"));
        await Page.ClickAsync("[data-pay-button]");
        await Page.WaitForURLAsync("**/payments/*?new=true");
        Assert.Contains("authorised", await Page.InnerTextAsync("[data-payment-status]"));

        await Page.GotoAsync("/profile");
        await Page.CheckAsync("input[name=AutopayEnabled]");
        await Page.ClickAsync("text=Save autopay");
        await Page.WaitForURLAsync("**/profile?done=autopay");
        await Page.ClickAsync("nav >> text=Dashboard");
        Assert.Contains("Autopay: on", await Page.InnerTextAsync("[data-autopay]"));

        await Page.GotoAsync("/profile");
        await Page.ClickAsync("li[data-method='1111'] >> text=Remove");
        await Page.WaitForURLAsync("**/profile?done=method");
        Assert.Equal(0, await Page.Locator("li[data-method]").CountAsync());
    }

    [DbFact]
    public async Task Refused_card_shows_the_reason_and_the_next_try_succeeds()
    {
        var account = await ArrangeAsync();
        await InvoiceAsync(account, "INV-1", 12_550, 5);

        await Page.GotoAsync("/pay");
        await Page.CheckAsync("input[value=card]");
        await FillCardAsync("DECLINED");
        await Page.ClickAsync("[data-pay-button]");
        Assert.Contains("did not go through", await Page.InnerTextAsync("[role=alert]"));

        await FillCardAsync("Pat Customer");
        await Page.ClickAsync("[data-pay-button]");
        await Page.WaitForURLAsync("**/payments/*?new=true");
        Assert.Contains("Thank you", await Page.InnerTextAsync("h1"));
    }

    private async Task<Guid> ArrangeAsync()
    {
        var account = await Portal.CreateAccountAsync("A-1", "Greenway HOA");
        await Portal.AddMemberAsync(account, "payer", AccountRole.Accounting);
        await Page.GotoAsync("/login");
        await Page.FillAsync("#userId", "payer");
        await Page.FillAsync("#password", PortalUsers.Password);
        await Page.ClickAsync("button[type=submit]");
        await Page.WaitForURLAsync("**/dashboard");
        return account;
    }

    private Task InvoiceAsync(Guid account, string number, long cents, int dueInDays)
    {
        var today = DateOnly.FromDateTime(Portal.Clock.GetUtcNow().UtcDateTime);
        return Portal.SendAsync(new CreateInvoiceCommand(account, number, today.AddDays(-10), today.AddDays(dueInDays), null,
            [new InvoiceLineInputDto("Lawn care", 1m, Money.Dollars(cents))]));
    }

    private async Task FillCardAsync(string holder)
    {
        await Page.FillAsync("#card-number", "4111 1111 1111 1111");
        await Page.FillAsync("#card-name", holder);
        await Page.FillAsync("#card-month", "03");
        await Page.FillAsync("#card-year", "2030");
        await Page.FillAsync("#card-cvc", "737");
    }
}
