using System.Net;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Invoicing.Contracts.Imports;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.IntegrationTests.Http.Backoffice;

public abstract class ImportAndReportPagesTests(SqlDialect dialect) : HttpTest(dialect)
{
    private async Task<HttpClient> StaffAsync()
    {
        await Factory.AddStaffAsync("fin");
        return await Factory.LoginAsync("fin");
    }

    private async Task<Guid> UploadAndFinishAsync(HttpClient staff, string csv)
    {
        var uploaded = await staff.PostFileAsync("/backoffice/imports", "Upload", "Upload", "invoices.csv", csv);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var importId = Guid.Parse(uploaded.Headers.Location!.OriginalString.Split('/').Last());
        // The upload starts the import in the background and nothing can be drained to wait for it: poll, bounded, as ImportHttpTests do.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await Factory.SendAsync(new GetInvoiceImportQuery(importId)))?.Status is not ("succeeded" or "failed") && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        return importId;
    }

    [DbFact]
    public async Task An_uploaded_file_is_imported_and_its_page_shows_all_rows_done()
    {
        await Factory.CreateAccountAsync("A-1", "Maple Court");
        var staff = await StaffAsync();

        var importId = await UploadAndFinishAsync(staff, "A-1,INV-1,2026-02-01,2026-03-01,,Mowing,4,45.00\nA-1,INV-2,2026-02-01,2026-03-01,,Mulch,1,10.00\n");
        var page = await staff.GetStringAsync($"/backoffice/imports/{importId}");

        Assert.Contains("value=\"2\"", page);
        Assert.Contains("Every row was imported", page);
        Assert.Contains("data-import-url=\"/api/backoffice/imports/", page);
    }

    [DbFact]
    public async Task A_file_with_bad_rows_lists_each_with_its_line_and_imports_nothing()
    {
        var account = await Factory.CreateAccountAsync("A-1", "Maple Court");
        var staff = await StaffAsync();

        var importId = await UploadAndFinishAsync(staff, "A-1,INV-1,2026-02-01,2026-03-01,,Mowing,4,45.00\nNOPE,INV-2,2026-02-01,2026-03-01,,Mowing,1,10.00\nA-1,INV-3,2026-02-31,2026-03-01,,Mowing,1,ten\n");
        var page = await staff.GetStringAsync($"/backoffice/imports/{importId}");
        var import = await Factory.SendAsync(new GetInvoiceImportQuery(importId));

        Assert.Equal("failed", import!.Status);
        Assert.All(import.Errors, e => Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(e), page));
        Assert.Contains("Line 2", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Line 3", page, StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await Factory.SendAsync(new GetBackofficeInvoicesQuery(account))).Items);
    }

    [DbFact]
    public async Task The_sample_file_downloads_as_csv_and_an_empty_upload_is_refused()
    {
        var staff = await StaffAsync();

        var sample = await staff.GetAsync("/backoffice/imports?handler=Sample");
        var empty = await staff.PostFileAsync("/backoffice/imports", "Upload", "Upload", "empty.csv", "");

        Assert.Equal("text/csv", sample.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("accountNumber,invoiceNumber,", await sample.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Choose a CSV file", await empty.Content.ReadAsStringAsync());
    }

    [DbFact]
    public async Task Aging_shows_totals_and_a_chart_and_its_csv_escapes_formulas()
    {
        var account = await Factory.CreateAccountAsync("A-1", "Maple Court");
        await Factory.SendAsync(new UpdateAccountCommand(account, "=HYPERLINK(\"http://evil.test\")", "ap@maple.test", "America/Chicago"));
        var other = await Factory.CreateAccountAsync("A-2", "@Birch");
        foreach (var (id, number, due) in new[] { (account, "INV-1", new DateOnly(2026, 1, 15)), (other, "INV-2", new DateOnly(2026, 4, 1)) })
            await Factory.SendAsync(new CreateInvoiceCommand(id, number, new DateOnly(2026, 1, 1), due, null, [new InvoiceLineInputDto("Work", 1m, Money.Dollars(12_345))]));
        var staff = await StaffAsync();

        var page = await staff.GetStringAsync("/backoffice/reports?asOf=2026-03-02");
        var csv = await staff.GetStringAsync("/backoffice/reports?handler=AgingCsv&asOf=2026-03-02");

        Assert.Contains("data-testid=\"aging-chart\"", page);
        Assert.Contains("<rect", page);
        Assert.Contains("$123.45", page);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Account,Name,Current,1-30 days,31-60 days,61-90 days,Over 90 days", lines[0]);
        Assert.Contains("A-1,\"'=HYPERLINK(\"\"http://evil.test\"\")\",0.00,0.00,123.45,0.00,0.00", lines);
        Assert.Contains("A-2,'@Birch,123.45,0.00,0.00,0.00,0.00", lines);
        Assert.Equal("Total,,123.45,0.00,123.45,0.00,0.00", lines[^1]);
    }

    [DbFact]
    public async Task Reconciliation_shows_for_a_range_downloads_as_csv_and_a_reversed_range_is_refused()
    {
        var staff = await StaffAsync();

        var page = await staff.GetAsync("/backoffice/reports?from=2026-02-01&thru=2026-03-02");
        var csv = await staff.GetStringAsync("/backoffice/reports?handler=ReconciliationCsv&from=2026-02-01&thru=2026-03-02");
        var reversed = await staff.GetStringAsync("/backoffice/reports?from=2026-03-02&thru=2026-02-01");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"processor-net\"", await page.Content.ReadAsStringAsync());
        Assert.StartsWith("Kind,Processor reference,Payment,Ledger,Processor,Detail\r\n", csv);
        Assert.Contains("Choose a range of at most a year", reversed);
        Assert.DoesNotContain("data-testid=\"processor-net\"", reversed);
    }

    [DbFact]
    public async Task Running_a_job_needs_confirmation_and_shows_what_it_did()
    {
        var staff = await StaffAsync();

        var unconfirmed = await staff.PostFormAsync("/backoffice/run-job", "", ("Job", "invoice-posting"));
        var run = await staff.PostFormAsync("/backoffice/run-job", "", ("Job", "invoice-posting"), ("Confirm", "true"));
        var unknown = await staff.PostFormAsync("/backoffice/run-job", "", ("Job", "format-disk"), ("Confirm", "true"));

        Assert.Contains("Tick the box", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Contains("invoice-posting ran: found 0", await run.Content.ReadAsStringAsync());
        Assert.Contains("Choose one of the jobs", await unknown.Content.ReadAsStringAsync());
        Assert.Contains("href=\"/backoffice/jobs\"", await staff.GetStringAsync("/backoffice/run-job"));
    }
}

public sealed class ImportAndReportPagesTestsOnSqlite() : ImportAndReportPagesTests(SqlDialect.Sqlite);

public sealed class ImportAndReportPagesTestsOnPostgres() : ImportAndReportPagesTests(SqlDialect.Postgres), IPostgresTest;
