using Portal.BuildingBlocks;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.BrowserTests;

/// <summary>Paying an amount: the review shows the split the server makes, moving past an invoice that must be paid in full.</summary>
public sealed class PayAmountPreviewTests : BrowserTest
{
    [DbFact]
    public async Task Amount_review_skips_a_pay_in_full_invoice_it_cannot_cover_and_the_payment_makes_that_split()
    {
        var account = await ArrangeAsync();
        var whole = await InvoiceAsync(account, "INV-1", 5_000, 5, allowPartial: false);
        var next = await InvoiceAsync(account, "INV-2", 3_000, 15, allowPartial: true);

        await Page.GotoAsync("/pay");
        await Page.CheckAsync("input[data-mode][value=amount]");
        await Page.FillAsync("[data-free-amount]", "20.00");
        await Page.CheckAsync("input[value=card]");
        await FillCardAsync();
        await Page.ClickAsync("[data-review-button]");
        var preview = await Page.Locator("[data-review-invoices] li").AllInnerTextsAsync();
        await Page.ClickAsync("[data-pay-button]");
        await Page.WaitForURLAsync("**/payments/*?new=true");

        Assert.Equal(["INV-2: $20.00"], preview);
        Assert.Equal(5_000, (await Portal.SendAsync(new GetInvoiceQuery(account, whole)))!.Balance.Value);
        Assert.Equal(1_000, (await Portal.SendAsync(new GetInvoiceQuery(account, next)))!.Balance.Value);
    }

    [DbFact]
    public async Task Amount_review_that_would_pay_part_of_a_pay_in_full_invoice_says_so_and_pays_nothing()
    {
        var account = await ArrangeAsync();
        await InvoiceAsync(account, "INV-1", 5_000, 5, allowPartial: false);

        await Page.GotoAsync("/pay");
        await Page.CheckAsync("input[data-mode][value=amount]");
        await Page.FillAsync("[data-free-amount]", "20.00");
        await Page.CheckAsync("input[value=card]");
        await FillCardAsync();
        await Page.ClickAsync("[data-review-button]");

        Assert.Contains("paid in full", await Page.InnerTextAsync("[data-review-problem]"));
        Assert.False(await Page.IsVisibleAsync("[data-review]"));
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

    private async Task<Guid> InvoiceAsync(Guid account, string number, long cents, int dueInDays, bool allowPartial)
    {
        var today = DateOnly.FromDateTime(Portal.Clock.GetUtcNow().UtcDateTime);
        return (await Portal.SendAsync(new CreateInvoiceCommand(account, number, today.AddDays(-10), today.AddDays(dueInDays), null,
            [new InvoiceLineInputDto("Lawn care", 1m, Money.Dollars(cents))], allowPartial))).InvoiceId;
    }

    private async Task FillCardAsync()
    {
        await Page.FillAsync("#card-number", "4111 1111 1111 1111");
        await Page.FillAsync("#card-name", "Pat Customer");
        await Page.FillAsync("#card-month", "03");
        await Page.FillAsync("#card-year", "2030");
        await Page.FillAsync("#card-cvc", "737");
    }
}
