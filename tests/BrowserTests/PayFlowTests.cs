using Microsoft.Playwright;
using Portal.BuildingBlocks;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Payments.Contracts.Payments;

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
        await Page.ClickAsync("[data-review-button]");
        Assert.Equal("$165.50", await Page.InnerTextAsync("[data-review-total]"));
        Assert.Equal(["INV-1: $125.50", "INV-2: $40.00"], await Page.Locator("[data-review-invoices] li").AllInnerTextsAsync());
        Assert.Contains("New card ending 1111", await Page.InnerTextAsync("[data-review-method]"));
        await Page.ClickAsync("[data-pay-button]");
        await Page.WaitForURLAsync("**/payments/*?new=true");
        Assert.Contains("Thank you", await Page.InnerTextAsync("h1"));

        await Page.GotoAsync("/invoices?status=paid");
        Assert.Equal(2, await Page.Locator("tr[data-invoice]").CountAsync());

        await Page.GotoAsync("/pay");
        Assert.True(await Page.IsCheckedAsync("input[value^='saved:']"));
        await Page.ClickAsync("[data-review-button]");
        Assert.Contains("ending 1111", await Page.InnerTextAsync("[data-review-method]"));
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
        await ReviewAndConfirmAsync();
        Assert.Contains("did not go through", await Page.InnerTextAsync(".notice[role=alert]"));

        await FillCardAsync("Pat Customer");
        await ReviewAndConfirmAsync();
        await Page.WaitForURLAsync("**/payments/*?new=true");
        Assert.Contains("Thank you", await Page.InnerTextAsync("h1"));
    }

    [DbFact]
    public async Task Review_shows_what_will_be_paid_change_goes_back_and_a_double_click_on_confirm_pays_once_at_390px()
    {
        var account = await ArrangeAsync();
        await InvoiceAsync(account, "INV-1", 12_550, 5);
        await InvoiceAsync(account, "INV-2", 4_000, 10);
        await Page.SetViewportSizeAsync(390, 844);

        await Page.GotoAsync("/pay");
        await Page.CheckAsync("input[value=card]");
        await FillCardAsync("Pat Customer");
        await Page.ClickAsync("[data-review-button]");
        Assert.Equal("$125.50", await Page.InnerTextAsync("[data-review-total]"));
        await Page.ClickAsync("[data-change-button]");
        await Page.CheckAsync("tr[data-invoice='INV-2'] [data-select]");
        await Page.DblClickAsync("[data-review-button]");
        Assert.Equal("$165.50", await Page.InnerTextAsync("[data-review-total]"));
        var confirm = await Page.Locator("[data-pay-button]").BoundingBoxAsync();
        Assert.True(confirm!.X >= 0 && confirm.X + confirm.Width <= 390, $"The confirm button is off screen at 390px: {confirm.X} + {confirm.Width}.");
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "The page scrolls sideways at 390px.");
        await Page.DblClickAsync("[data-pay-button]");
        await Page.WaitForURLAsync("**/payments/*?new=true");

        var payments = await Portal.SendAsync(new GetPaymentsQuery(account));
        Assert.Equal(16_550, Assert.Single(payments.Items).Amount.Value);
    }

    [DbFact]
    public async Task Enter_in_a_field_opens_the_review_instead_of_paying()
    {
        var account = await ArrangeAsync();
        await InvoiceAsync(account, "INV-1", 12_550, 5);

        await Page.GotoAsync("/pay");
        await Page.CheckAsync("input[value=card]");
        await FillCardAsync("Pat Customer");
        await Page.PressAsync("#card-cvc", "Enter");

        Assert.True(await Page.IsVisibleAsync("[data-review]"));
        Assert.Empty((await Portal.SendAsync(new GetPaymentsQuery(account))).Items);
        await Page.ClickAsync("[data-pay-button]");
        await Page.WaitForURLAsync("**/payments/*?new=true");
    }

    private async Task ReviewAndConfirmAsync()
    {
        await Page.ClickAsync("[data-review-button]");
        await Page.ClickAsync("[data-pay-button]");
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
