using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Messaging;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invoicing.Contracts.Invoices;
using static Portal.IntegrationTests.Invoicing.InvoiceBuilder;

namespace Portal.IntegrationTests.Invoicing;

public abstract class InvoicePostedEmailTests(SqlDialect dialect) : IntegrationTest(dialect)
{
    [DbFact]
    public async Task PostedEmail_when_the_posting_job_posts_an_invoice_is_sent_once_with_amounts_due_date_and_links()
    {
        var account = await Portal.CreateAccountAsync();
        var email = await Portal.AddMemberAsync(account, "acct", AccountRole.Accounting);
        var invoice = AnInvoice(account, totalCents: 123_456).Due(new DateOnly(2026, 11, 25)).PostingAt(Portal.Clock.GetUtcNow().AddHours(1));
        var id = await Portal.CreateInvoiceAsync(invoice);
        await Portal.DrainOutboxAsync();
        Portal.Clock.Advance(TimeSpan.FromHours(2));

        await Portal.SendAsync(new PostDueInvoicesCommand());
        await Portal.DrainOutboxAsync();
        await Portal.SendAsync(new PostDueInvoicesCommand());
        await Portal.DrainOutboxAsync();

        var mail = Assert.Single(Portal.About(email, invoice.Number));
        Assert.Equal($"New invoice {invoice.Number} for Account A-1: $1,234.56 due November 25, 2026", mail.Subject);
        foreach (var part in new[] { mail.Text, mail.Html })
        {
            Assert.Contains("$1,234.56", part);
            Assert.Contains("November 25, 2026", part);
            Assert.Contains("Account A-1", part);
            Assert.Contains($"http://portal.test/invoices/{id}", part);
        }
        Assert.Equal($"http://portal.test/pay?invoice={id}&account={account}", mail.LinkStartingWith("http://portal.test/pay"));
        Assert.Equal(["posted"], await Portal.StagesAsync(id));
    }

    [DbFact]
    public async Task PostedEmail_when_the_event_comes_again_is_not_sent_twice()
    {
        var account = await Portal.CreateAccountAsync();
        var email = await Portal.AddMemberAsync(account, "acct", AccountRole.Accounting);
        var invoice = AnInvoice(account);
        var id = await Portal.CreateInvoiceAsync(invoice);
        await Portal.DrainOutboxAsync();

        await Portal.Services.PublishAsync(new InvoicePostedEvent(id, account, invoice.Number, invoice.InvoiceDate, invoice.DueDate, Money.Dollars(10_000)));
        await Portal.DrainOutboxAsync();

        Assert.Single(Portal.About(email, invoice.Number));
    }

    [DbFact]
    public async Task PostedEmail_with_the_switch_off_or_a_basic_role_is_not_sent_to_that_user()
    {
        var account = await Portal.CreateAccountAsync();
        var admin = await Portal.AddMemberAsync(account, "boss", AccountRole.Admin);
        var quiet = await Portal.AddMemberAsync(account, "quiet", AccountRole.Admin, emails: false);
        var basic = await Portal.AddMemberAsync(account, "crew", AccountRole.Basic);
        var invoice = AnInvoice(account);

        await Portal.CreateInvoiceAsync(invoice);
        await Portal.DrainOutboxAsync();

        Assert.Single(Portal.About(admin, invoice.Number));
        Assert.Empty(Portal.About(quiet, invoice.Number));
        Assert.Empty(Portal.About(basic, invoice.Number));
    }
}

public sealed class InvoicePostedEmailTestsOnSqlite() : InvoicePostedEmailTests(SqlDialect.Sqlite);

public sealed class InvoicePostedEmailTestsOnPostgres() : InvoicePostedEmailTests(SqlDialect.Postgres), IPostgresTest;
