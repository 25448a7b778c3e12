using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Invoicing;

public abstract class ImportHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Good_csv_imports_every_invoice_and_reports_progress_to_done()
    {
        var account = await Factory.CreateAccountAsync("A-42", "Willow Homes");
        await Factory.AddStaffAsync("fin");
        var finance = await Factory.LoginAsync("fin");
        const string csv = """
            accountNumber,invoiceNumber,invoiceDate,dueDate,postAt,description,quantity,unitPrice
            A-42,INV-900,2026-02-01,2026-03-01,,Mowing,4,45.00
            A-42,INV-900,2026-02-01,2026-03-01,,"Mulch, premium",2,30.25
            A-42,INV-901,2026-02-15,2026-03-15,,Hedge trimming,1,125.50
            """;

        var accepted = await finance.PostAsync("/api/backoffice/invoices/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var status = await WaitForImportAsync(finance, accepted);
        var invoices = await finance.GetFromJsonAsync<JsonElement>($"/api/backoffice/invoices?accountId={account}");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        Assert.Equal(3, status.GetProperty("rowsDone").GetInt32());
        Assert.Equal(2, invoices.GetProperty("items").GetArrayLength());
        Assert.Contains(invoices.GetProperty("items").EnumerateArray(), i => i.GetProperty("total").GetProperty("value").GetInt64() == 24_050);
    }

    [DbFact]
    public async Task Csv_with_bad_rows_imports_nothing_and_lists_every_bad_row()
    {
        await Factory.CreateAccountAsync("A-42", "Willow Homes");
        await Factory.AddStaffAsync("fin");
        var finance = await Factory.LoginAsync("fin");
        const string csv = """
            A-42,INV-900,2026-02-01,2026-03-01,,Mowing,4,45.00
            NOPE,INV-901,2026-02-01,2026-03-01,,Mowing,1,10.00
            A-42,INV-902,2026-02-31,2026-03-01,,Mowing,1,ten
            """;

        var status = await WaitForImportAsync(finance, await finance.PostAsync("/api/backoffice/invoices/import", new StringContent(csv, Encoding.UTF8, "text/csv")));
        var invoices = await finance.GetFromJsonAsync<JsonElement>("/api/backoffice/invoices");

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.True(status.GetProperty("errors").GetArrayLength() >= 2);
        Assert.Equal(0, invoices.GetProperty("items").GetArrayLength());
    }

    [DbFact]
    public async Task Import_needs_csv_and_staff_and_aging_answers_per_account()
    {
        var account = await Factory.CreateAccountAsync("A-42", "Willow Homes");
        await Factory.AddMemberAsync(account, "boss", Portal.Modules.Identity.Contracts.AccountRole.Admin);
        await Factory.AddStaffAsync("fin");
        var finance = await Factory.LoginAsync("fin");

        var json = await finance.PostAsJsonAsync("/api/backoffice/invoices/import", new { csv = "x" });
        var customer = await (await Factory.LoginAsync("boss")).PostAsync("/api/backoffice/invoices/import", new StringContent("x", Encoding.UTF8, "text/csv"));
        var aging = await finance.GetAsync("/api/backoffice/reports/aging?asOf=2026-03-31");
        var unknown = await finance.GetAsync($"/api/backoffice/imports/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, customer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, aging.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    // The import runs in the background; its status is polled as a client would, with a bound.
    private static async Task<JsonElement> WaitForImportAsync(HttpClient finance, HttpResponseMessage accepted)
    {
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("importId").GetString();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var status = await finance.GetFromJsonAsync<JsonElement>($"/api/backoffice/imports/{id}");
            if (status.GetProperty("status").GetString() is "succeeded" or "failed" || DateTime.UtcNow > deadline)
                return status;
            await Task.Delay(50);
        }
    }
}

public sealed class ImportHttpTestsOnSqlite() : ImportHttpTests(SqlDialect.Sqlite);

public sealed class ImportHttpTestsOnPostgres() : ImportHttpTests(SqlDialect.Postgres), IPostgresTest;
