using Microsoft.Playwright;
using Portal.BuildingBlocks;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invoicing.Contracts.Holds;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.BrowserTests;

public sealed class InvoicesPageTests : BrowserTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Portal:InvoiceCutoverDate"] = "2026-01-01" };

    [DbFact]
    public async Task Filters_by_status_and_invoice_date_and_says_whom_to_ask_before_the_cutover()
    {
        var account = await ArrangeAsync();
        await InvoiceAsync(account, "INV-JAN", new DateOnly(2026, 1, 10));
        await InvoiceAsync(account, "INV-FEB", new DateOnly(2026, 2, 10));
        var paid = await InvoiceAsync(account, "INV-PAID", new DateOnly(2026, 2, 12));
        await PayInFullAsync(account, paid, 5_000);

        await Page.GotoAsync("/invoices");
        Assert.Equal(["INV-JAN", "INV-FEB"], await NumbersAsync());
        Assert.Contains("before January 1, 2026", await Page.InnerTextAsync("main"));

        await Page.SelectOptionAsync("#status", "paid");
        await Page.ClickAsync("button:has-text('Show')");
        Assert.Equal(["INV-PAID"], await NumbersAsync());

        await Page.SelectOptionAsync("#status", "all");
        await Page.FillAsync("#from", "2026-02-01");
        await Page.FillAsync("#thru", "2026-02-11");
        await Page.ClickAsync("button:has-text('Show')");
        Assert.Equal(["INV-FEB"], await NumbersAsync());
        Assert.DoesNotContain("are not in the portal", await Page.InnerTextAsync("main"));
    }

    [DbFact]
    public async Task Detail_shows_lines_and_payments_and_prints_without_the_navigation()
    {
        var account = await ArrangeAsync();
        var invoice = await InvoiceAsync(account, "INV-77", new DateOnly(2026, 2, 20));
        await PayInFullAsync(account, invoice, 2_000);

        await Page.GotoAsync("/invoices");
        await Page.ClickAsync("text=INV-77");
        Assert.Contains("Invoice INV-77", await Page.InnerTextAsync("h1"));
        Assert.Contains("Lawn care", await Page.InnerTextAsync("table[aria-label=Lines]"));
        Assert.Contains("$20.00", await Page.InnerTextAsync("table[aria-label=Payments]"));

        await Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await Page.IsVisibleAsync("header.topbar"));
        Assert.False(await Page.IsVisibleAsync("text=All invoices"));
        Assert.True(await Page.IsVisibleAsync("article.invoice"));
        var pdf = await Page.PdfAsync(new PagePdfOptions { Format = "Letter" });
        Assert.True(pdf.Length > 1_000);
    }

    private async Task<Guid> ArrangeAsync()
    {
        var account = await Portal.CreateAccountAsync("A-1", "Greenway HOA");
        await Portal.AddMemberAsync(account, "clerk", AccountRole.Accounting);
        await Page.GotoAsync("/login");
        await Page.FillAsync("#userId", "clerk");
        await Page.FillAsync("#password", PortalUsers.Password);
        await Page.ClickAsync("button[type=submit]");
        await Page.WaitForURLAsync("**/dashboard");
        return account;
    }

    private async Task<Guid> InvoiceAsync(Guid account, string number, DateOnly date) =>
        (await Portal.SendAsync(new CreateInvoiceCommand(account, number, date, date.AddDays(30), null,
            [new InvoiceLineInputDto("Lawn care", 2m, Money.Dollars(2_500))]))).InvoiceId;

    // Pays through Invoicing's own steps, so the page is tested without the processor in the way.
    private async Task PayInFullAsync(Guid account, Guid invoice, long cents)
    {
        var payment = Guid.NewGuid();
        await Portal.SendAsync(new PlaceHoldsCommand(payment, account, Money.Dollars(cents), [new AllocationDto(invoice, Money.Dollars(cents))]));
        await Portal.SendAsync(new ApplyHoldsCommand(payment));
    }

    private async Task<IReadOnlyList<string>> NumbersAsync() =>
        await Page.Locator("tr[data-invoice]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.invoice)");
}
