using System.Net;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.IntegrationTests.Http.Backoffice;

public abstract class InvoicePagesTests(SqlDialect dialect) : HttpTest(dialect)
{
    private static (string, string)[] Invoice(string number, bool postNow, string postAt = "", bool partial = true) =>
    [
        ("New.AccountNumber", "A-1"), ("New.InvoiceNumber", number), ("New.InvoiceDate", "2026-03-01"), ("New.DueDate", "2026-03-31"),
        ("New.Lines[0].Description", "Lawn care"), ("New.Lines[0].Quantity", "2"), ("New.Lines[0].UnitPrice", "125.50"),
        ("New.Lines[1].Description", "Mulch"), ("New.Lines[1].Quantity", "1"), ("New.Lines[1].UnitPrice", "40"),
        ("New.PostNow", postNow ? "true" : "false"), ("New.PostAt", postAt),
        .. partial ? new[] { ("New.AllowPartialPayment", "true") } : [], ("New.AllowPartialPayment", "false"),
    ];

    private async Task<(Guid Account, HttpClient Staff)> ArrangeAsync()
    {
        var account = await Factory.CreateAccountAsync("A-1", "Maple Court");
        await Factory.SendAsync(new UpdateAccountCommand(account, "Maple Court", "ap@maple.test", "America/New_York"));
        await Factory.AddStaffAsync("fin");
        return (account, await Factory.LoginAsync("fin"));
    }

    [DbFact]
    public async Task Creating_an_invoice_posts_it_now_or_schedules_it_in_the_accounts_time_zone()
    {
        var (account, staff) = await ArrangeAsync();

        var now = await staff.PostFormAsync("/backoffice/invoices", "Create", Invoice("INV-NOW", postNow: true, partial: false));
        var later = await staff.PostFormAsync("/backoffice/invoices", "Create", Invoice("INV-LATER", postNow: false, postAt: "2026-03-05T08:00"));

        Assert.Equal(HttpStatusCode.Redirect, now.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        var invoices = (await Factory.SendAsync(new GetBackofficeInvoicesQuery(account))).Items.ToDictionary(i => i.InvoiceNumber);
        Assert.Equal(("open", 29_100L, false), (invoices["INV-NOW"].Status, invoices["INV-NOW"].Total.Value, invoices["INV-NOW"].AllowPartialPayment));
        Assert.Equal("scheduled", invoices["INV-LATER"].Status);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 13, 0, 0, TimeSpan.Zero), invoices["INV-LATER"].PostAt);
        Assert.True(invoices["INV-LATER"].AllowPartialPayment);
    }

    [DbFact]
    public async Task A_bad_line_or_a_missing_posting_time_creates_nothing()
    {
        var (account, staff) = await ArrangeAsync();

        var badPrice = await staff.PostFormAsync("/backoffice/invoices", "Create", [.. Invoice("INV-1", true), ("New.Lines[2].Description", "X"), ("New.Lines[2].UnitPrice", "12.345")]);
        var noTime = await staff.PostFormAsync("/backoffice/invoices", "Create", Invoice("INV-2", postNow: false));
        var noAccount = await staff.PostFormAsync("/backoffice/invoices", "Create", [.. Invoice("INV-3", true).Where(f => f.Item1 != "New.AccountNumber"), ("New.AccountNumber", "NOPE")]);

        Assert.Contains("Line 3", await badPrice.Content.ReadAsStringAsync());
        Assert.Contains("Choose when to post", await noTime.Content.ReadAsStringAsync());
        Assert.Contains("no account with this number", await noAccount.Content.ReadAsStringAsync());
        Assert.Empty((await Factory.SendAsync(new GetBackofficeInvoicesQuery(account))).Items);
    }

    [DbFact]
    public async Task List_filters_by_number_and_status()
    {
        var (_, staff) = await ArrangeAsync();
        await staff.PostFormAsync("/backoffice/invoices", "Create", Invoice("SPRING-1", true));
        await staff.PostFormAsync("/backoffice/invoices", "Create", Invoice("FALL-1", true));
        await staff.PostFormAsync("/backoffice/invoices", "Create", Invoice("SPRING-2", false, "2026-04-01T09:00"));

        var spring = await staff.GetStringAsync("/backoffice/invoices?number=spring");
        var scheduled = await staff.GetStringAsync("/backoffice/invoices?status=scheduled&accountNumber=A-1");

        Assert.Contains("data-invoice=\"SPRING-1\"", spring);
        Assert.Contains("data-invoice=\"SPRING-2\"", spring);
        Assert.DoesNotContain("data-invoice=\"FALL-1\"", spring);
        Assert.Contains("data-invoice=\"SPRING-2\"", scheduled);
        Assert.DoesNotContain("data-invoice=\"SPRING-1\"", scheduled);
    }

    [DbFact]
    public async Task Voiding_needs_a_reason_and_a_confirmation_and_the_account_history_keeps_the_reason()
    {
        var (account, staff) = await ArrangeAsync();
        await staff.PostFormAsync("/backoffice/invoices", "Create", Invoice("INV-1", true));
        var invoice = (await Factory.SendAsync(new GetBackofficeInvoicesQuery(account))).Items.Single().InvoiceId;

        var unconfirmed = await staff.PostFormAsync($"/backoffice/invoices/{invoice}", "Void", ("Reason", "Billed twice"));
        var statusAfterUnconfirmed = (await Factory.SendAsync(new GetBackofficeInvoiceQuery(invoice)))!.Invoice.Status;
        var voided = await staff.PostFormAsync($"/backoffice/invoices/{invoice}", "Void", ("Reason", "Billed twice"), ("Confirm", "true"));

        Assert.Contains("Tick the box", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Equal("open", statusAfterUnconfirmed);
        Assert.Equal(HttpStatusCode.Redirect, voided.StatusCode);
        Assert.Equal("void", (await Factory.SendAsync(new GetBackofficeInvoiceQuery(invoice)))!.Invoice.Status);
        var history = await staff.GetStringAsync($"/backoffice/accounts/{account}");
        Assert.Contains("invoice.voided", history);
        Assert.Contains("Billed twice", history);
        Assert.Contains("invoice.created", history);
    }
}

public sealed class InvoicePagesTestsOnSqlite() : InvoicePagesTests(SqlDialect.Sqlite);

public sealed class InvoicePagesTestsOnPostgres() : InvoicePagesTests(SqlDialect.Postgres), IPostgresTest;
