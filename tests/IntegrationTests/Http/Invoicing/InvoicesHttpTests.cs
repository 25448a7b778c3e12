using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;

namespace Portal.IntegrationTests.Http.Invoicing;

public abstract class InvoicesHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    private async Task<(Guid Account, HttpClient Finance, HttpClient Customer)> ArrangeAsync()
    {
        var account = await Factory.CreateAccountAsync("A-9", "Cedar Park");
        await Factory.AddMemberAsync(account, "acct", AccountRole.Accounting);
        await Factory.AddStaffAsync("fin");
        return (account, await Factory.LoginAsync("fin"), await Factory.LoginAsync("acct"));
    }

    private static object Invoice(Guid account, string number, string? postAt = null, bool allowPartial = true) => new
    {
        accountId = account, invoiceNumber = number, invoiceDate = "2026-02-20", dueDate = "2026-03-20", postAt, allowPartialPayment = allowPartial,
        lines = new[] { new { description = "Spring cleanup", quantity = 2.5m, unitPrice = new { currency = "USD", value = 3_333 } } },
    };

    [DbFact]
    public async Task Finance_creates_an_invoice_and_the_customer_sees_it_with_its_lines()
    {
        var (account, finance, customer) = await ArrangeAsync();

        var created = await finance.PostAsJsonAsync("/api/backoffice/invoices", Invoice(account, "INV-100"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invoiceId").GetString();
        var list = await customer.GetFromJsonAsync<JsonElement>($"/api/accounts/{account}/invoices");
        var detail = await customer.GetFromJsonAsync<JsonElement>($"/api/accounts/{account}/invoices/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("INV-100", list.GetProperty("items")[0].GetProperty("invoiceNumber").GetString());
        // 2.5 x $33.33 = $83.325, rounded half away from zero.
        Assert.Equal(8_333, detail.GetProperty("total").GetProperty("value").GetInt64());
        Assert.Equal("Spring cleanup", detail.GetProperty("lines")[0].GetProperty("description").GetString());
    }

    [DbFact]
    public async Task Scheduled_invoice_stays_hidden_until_the_posting_job_runs_after_its_time()
    {
        var (account, finance, customer) = await ArrangeAsync();
        await finance.PostAsJsonAsync("/api/backoffice/invoices", Invoice(account, "INV-200", postAt: "2026-03-05T00:00:00Z"));

        var before = await customer.GetFromJsonAsync<JsonElement>($"/api/accounts/{account}/invoices?status=all");
        Factory.Clock.Set(new DateTimeOffset(2026, 3, 5, 0, 1, 0, TimeSpan.Zero));
        // Three days later the earlier sessions have long idled out.
        var run = await (await Factory.LoginAsync("fin")).PostAsync("/api/backoffice/jobs/invoice-posting/run", null);
        var after = await (await Factory.LoginAsync("acct")).GetFromJsonAsync<JsonElement>($"/api/accounts/{account}/invoices?status=all");

        Assert.Equal(0, before.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal(1, (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("succeeded").GetInt32());
        Assert.Equal(1, after.GetProperty("items").GetArrayLength());
    }

    [DbFact]
    public async Task Duplicate_number_is_409_and_bad_status_filter_is_400()
    {
        var (account, finance, customer) = await ArrangeAsync();
        await finance.PostAsJsonAsync("/api/backoffice/invoices", Invoice(account, "INV-300"));

        var again = await finance.PostAsJsonAsync("/api/backoffice/invoices", Invoice(account, "INV-300"));
        var badFilter = await customer.GetAsync($"/api/accounts/{account}/invoices?status=unpaid");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
    }

    [DbFact]
    public async Task Void_takes_an_unpaid_invoice_out_of_what_the_customer_owes()
    {
        var (account, finance, customer) = await ArrangeAsync();
        var created = await finance.PostAsJsonAsync("/api/backoffice/invoices", Invoice(account, "INV-400"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invoiceId").GetString();

        var voided = await finance.PostAsync($"/api/backoffice/invoices/{id}/void", null);
        var open = await customer.GetFromJsonAsync<JsonElement>($"/api/accounts/{account}/invoices");
        var history = await customer.GetFromJsonAsync<JsonElement>($"/api/accounts/{account}/invoices?status=all");
        var backoffice = await finance.GetFromJsonAsync<JsonElement>($"/api/backoffice/invoices?accountId={account}");

        Assert.Equal(HttpStatusCode.NoContent, voided.StatusCode);
        Assert.Equal(0, open.GetProperty("items").GetArrayLength());
        Assert.Equal("void", history.GetProperty("items")[0].GetProperty("status").GetString());
        Assert.Equal("void", backoffice.GetProperty("items")[0].GetProperty("status").GetString());
    }

    [DbFact]
    public async Task Invoices_answer_each_caller_as_the_contract_says()
    {
        var (account, finance, customer) = await ArrangeAsync();
        await Factory.AddMemberAsync(account, "basic", AccountRole.Basic);
        var other = await Factory.CreateAccountAsync("A-10", "Other");
        await Factory.AddMemberAsync(other, "stranger", AccountRole.Admin);
        var created = await finance.PostAsJsonAsync("/api/backoffice/invoices", Invoice(account, "INV-500"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invoiceId").GetString();

        Assert.Equal(HttpStatusCode.Forbidden, (await (await Factory.LoginAsync("basic")).GetAsync($"/api/accounts/{account}/invoices")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await Factory.LoginAsync("stranger")).GetAsync($"/api/accounts/{account}/invoices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await Factory.LoginAsync("stranger")).GetAsync($"/api/accounts/{other}/invoices/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.PostAsJsonAsync("/api/backoffice/invoices", Invoice(account, "X"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.Anonymous().GetAsync($"/api/accounts/{account}/summary")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync($"/api/accounts/{account}/summary")).StatusCode);
    }
}

public sealed class InvoicesHttpTestsOnSqlite() : InvoicesHttpTests(SqlDialect.Sqlite);

public sealed class InvoicesHttpTestsOnPostgres() : InvoicesHttpTests(SqlDialect.Postgres), IPostgresTest;
