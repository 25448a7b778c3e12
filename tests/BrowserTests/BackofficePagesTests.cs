using Microsoft.Playwright;
using Portal.BuildingBlocks;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Jobsites.Contracts.Jobsites;

namespace Portal.BrowserTests;

public sealed class BackofficePagesTests : BrowserTest
{
    private async Task SignInAsync(string userId)
    {
        await Page.GotoAsync("/login");
        await Page.FillAsync("#userId", userId);
        await Page.FillAsync("#password", PortalUsers.Password);
        await Page.ClickAsync("button[type=submit]");
        await Page.WaitForURLAsync(url => !url.Contains("/login"));
    }

    [DbFact]
    public async Task Finance_uses_every_back_office_page_and_each_passes_the_axe_check_on_desktop_and_phone()
    {
        var account = await Portal.CreateAccountAsync("A-1", "Maple Court");
        var invoice = (await Portal.SendAsync(new CreateInvoiceCommand(account, "INV-1", new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 20), null,
            [new InvoiceLineInputDto("Lawn care", 1m, Money.Dollars(12_000))]))).InvoiceId;
        var jobsite = await Portal.SendAsync(new CreateJobsiteCommand(account, "North lawn", "1 Elm St", 41.88, -87.63));
        await Portal.AddStaffAsync("fin");
        await SignInAsync("fin");
        string[] pages =
        [
            "/backoffice/accounts", $"/backoffice/accounts/{account}", "/backoffice/invoices", $"/backoffice/invoices/{invoice}", "/backoffice/imports",
            "/backoffice/payments", "/backoffice/reports?asOf=2026-03-02", "/backoffice/jobsites?accountNumber=A-1",
            $"/backoffice/jobsites/{jobsite}?account={account}", "/backoffice/run-job",
        ];

        foreach (var (width, height) in new[] { (1200, 900), (390, 844) })
        {
            await Page.SetViewportSizeAsync(width, height);
            foreach (var page in pages)
            {
                var response = await Page.GotoAsync(page);
                Assert.True(response!.Ok, page);
                await Page.AssertAccessibleAsync();
            }
        }

        await Page.GotoAsync($"/backoffice/invoices/{invoice}");
        await Page.FillAsync("#reason", "Billed twice");
        await Page.CheckAsync("input[name=Confirm]");
        await Page.ClickAsync("button:has-text('Void invoice')");
        Assert.Equal("void", await Page.InnerTextAsync("[data-testid=status]"));
        await Page.GotoAsync($"/backoffice/accounts/{account}");
        Assert.Contains("Billed twice", await Page.InnerTextAsync("table[aria-label='Change history']"));
        await Page.GotoAsync("/backoffice/reports?asOf=2026-03-02");
        Assert.True(await Page.IsVisibleAsync("svg[data-testid=aging-chart]"));
    }

    [DbFact]
    public async Task An_import_moves_its_progress_bar_to_the_end_and_a_bad_file_lists_its_rows()
    {
        await Portal.CreateAccountAsync("A-1", "Maple Court");
        await Portal.AddStaffAsync("fin");
        await SignInAsync("fin");
        var rows = string.Join("\n", Enumerable.Range(1, 40).Select(i => $"A-1,INV-{i},2026-02-01,2026-03-01,,Mowing,1,{i}.00"));

        await Page.GotoAsync("/backoffice/imports");
        await Page.SetInputFilesAsync("#file", new FilePayload { Name = "good.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(rows) });
        await Page.ClickAsync("button:has-text('Upload and import')");
        await Page.WaitForSelectorAsync("text=Every row was imported");
        Assert.Equal("40", await Page.GetAttributeAsync("#import-progress", "value"));
        await Page.AssertAccessibleAsync();

        await Page.GotoAsync("/backoffice/imports");
        await Page.SetInputFilesAsync("#file", new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = "NOPE,INV-X,2026-02-01,2026-03-01,,Mowing,1,1.00\n"u8.ToArray() });
        await Page.ClickAsync("button:has-text('Upload and import')");
        await Page.WaitForSelectorAsync("ul[aria-label='Bad rows']");
        Assert.Contains("NOPE", await Page.InnerTextAsync("ul[aria-label='Bad rows']"));
        await Page.AssertAccessibleAsync();
    }

    [DbFact]
    public async Task A_customer_gets_404_on_the_back_office_pages()
    {
        var account = await Portal.CreateAccountAsync("A-1", "Maple Court");
        await Portal.AddMemberAsync(account, "boss", AccountRole.Admin);
        await SignInAsync("boss");

        foreach (var page in new[] { "/backoffice/accounts", "/backoffice/invoices", "/backoffice/reports", $"/backoffice/accounts/{account}" })
            Assert.Equal(404, (await Page.GotoAsync(page))!.Status);
    }
}
