using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Invoicing.Contracts.Reminders;
using static Portal.IntegrationTests.Invoicing.InvoiceBuilder;

namespace Portal.IntegrationTests.Invoicing;

public abstract class InvoiceRemindersTests(SqlDialect dialect) : IntegrationTest(dialect)
{
    private async Task<(Guid Account, string Email)> AccountWithAccountantAsync()
    {
        var account = await Portal.CreateAccountAsync();
        var email = await Portal.AddMemberAsync(account, "acct", AccountRole.Accounting);
        return (account, email);
    }

    private async Task<DateOnly> RunOnAsync(DateOnly day)
    {
        Portal.Clock.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        await Portal.SendAsync(new SendInvoiceRemindersCommand());
        return day;
    }

    [DbFact]
    public async Task Reminders_run_every_day_send_before_due_due_and_each_overdue_stage_once_on_its_day()
    {
        var (account, email) = await AccountWithAccountantAsync();
        var invoice = AnInvoice(account).Due(Today.AddDays(10));
        await Portal.CreateInvoiceAsync(invoice);
        await Portal.DrainOutboxAsync();
        var days = new List<(int Day, string Subject)>();

        for (var day = 0; day <= 32; day++)
        {
            var before = Portal.About(email, invoice.Number).Count;
            await RunOnAsync(Today.AddDays(day));
            await RunOnAsync(Today.AddDays(day));
            days.AddRange(Portal.About(email, invoice.Number).Skip(before).Select(m => (day, m.Subject.Split(' ')[0])));
        }

        // Due on day 10: three days before, on the day, then every seven days overdue.
        Assert.Equal([(7, "Reminder:"), (10, "Invoice"), (17, "Overdue:"), (24, "Overdue:"), (31, "Overdue:")], days);
    }

    [DbFact]
    public async Task Reminders_for_an_invoice_posted_inside_the_before_due_window_skip_the_due_soon_reminder()
    {
        var (account, email) = await AccountWithAccountantAsync();
        var invoice = AnInvoice(account).Due(Today.AddDays(2));
        await Portal.CreateInvoiceAsync(invoice);
        await Portal.DrainOutboxAsync();

        await RunOnAsync(Today);
        await RunOnAsync(Today.AddDays(1));
        await RunOnAsync(Today.AddDays(2));

        Assert.Equal(["New", "Invoice"], Portal.About(email, invoice.Number).Select(m => m.Subject.Split(' ')[0]));
    }

    [DbFact]
    public async Task Reminders_run_late_send_only_the_current_stage()
    {
        var (account, email) = await AccountWithAccountantAsync();
        var invoice = AnInvoice(account, totalCents: 123_456).Due(Today.AddDays(-15));
        var id = await Portal.CreateInvoiceAsync(invoice);
        await Portal.DrainOutboxAsync();

        var result = await Portal.SendAsync(new SendInvoiceRemindersCommand());

        var mail = Assert.Single(Portal.About(email, invoice.Number), m => !m.Subject.StartsWith("New invoice"));
        Assert.StartsWith("Overdue:", mail.Subject);
        Assert.Contains("15 days overdue", mail.Text);
        Assert.Contains("$1,234.56", mail.Text);
        Assert.Contains("February 15, 2026", mail.Text);
        Assert.Contains("$1,234.56", mail.Html);
        Assert.Contains("Account A-1", mail.Html);
        Assert.Equal($"http://portal.test/pay?invoice={id}&account={account}", mail.LinkStartingWith("http://portal.test/pay"));
        Assert.Equal(["overdue-2", "posted"], await Portal.StagesAsync(id));
        Assert.Equal((1, 1, 0), (result.Found, result.Succeeded, result.Failed));
    }

    [DbFact]
    public async Task Reminders_run_again_or_concurrently_send_nothing_more()
    {
        var (account, email) = await AccountWithAccountantAsync();
        var invoices = new List<InvoiceBuilder>();
        for (var i = 0; i < 5; i++)
        {
            invoices.Add(AnInvoice(account).Due(Today));
            await Portal.CreateInvoiceAsync(invoices[^1]);
        }
        await Portal.DrainOutboxAsync();
        var before = Portal.Mailbox.To(email).Count;

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Portal.SendAsync(new SendInvoiceRemindersCommand()))));
        var again = await Portal.SendAsync(new SendInvoiceRemindersCommand());

        Assert.Equal(5, concurrent.Sum(r => r.Succeeded));
        Assert.Equal(0, concurrent.Sum(r => r.Failed));
        Assert.Equal(0, again.Found);
        Assert.Equal(5, Portal.Mailbox.To(email).Count - before);
        Assert.All(invoices, i => Assert.Single(Portal.About(email, i.Number), m => m.Subject.StartsWith("Invoice")));
    }

    [DbFact]
    public async Task Reminders_go_to_accounting_and_admin_with_the_switch_on_and_never_to_basic_users()
    {
        var account = await Portal.CreateAccountAsync();
        var admin = await Portal.AddMemberAsync(account, "boss", AccountRole.Admin);
        var accounting = await Portal.AddMemberAsync(account, "acct", AccountRole.Accounting);
        var quiet = await Portal.AddMemberAsync(account, "quiet", AccountRole.Accounting, emails: false);
        var basic = await Portal.AddMemberAsync(account, "crew", AccountRole.Basic);
        var invoice = AnInvoice(account).Due(Today);
        await Portal.CreateInvoiceAsync(invoice);
        await Portal.DrainOutboxAsync();

        await Portal.SendAsync(new SendInvoiceRemindersCommand());

        Assert.Equal(2, Portal.About(admin, invoice.Number).Count);
        Assert.Equal(2, Portal.About(accounting, invoice.Number).Count);
        Assert.Empty(Portal.About(quiet, invoice.Number));
        Assert.Empty(Portal.About(basic, invoice.Number));
        Assert.Contains("Hello Test boss,", Portal.About(admin, invoice.Number)[1].Text);
    }

    [DbFact]
    public async Task Reminders_skip_paid_void_and_pending_payment_invoices_and_those_not_yet_in_a_stage()
    {
        var (account, email) = await AccountWithAccountantAsync();
        var paid = AnInvoice(account).Due(Today);
        var pending = AnInvoice(account).Due(Today);
        var voided = AnInvoice(account).Due(Today);
        var later = AnInvoice(account).Due(Today.AddDays(4));
        var open = AnInvoice(account, totalCents: 5_000).Due(Today);
        await Portal.PayInFullAsync(account, await Portal.CreateInvoiceAsync(paid), 10_000);
        await Portal.HoldAsync(account, await Portal.CreateInvoiceAsync(pending), 4_000);
        await Portal.SendAsync(new VoidInvoiceCommand(await Portal.CreateInvoiceAsync(voided)));
        await Portal.CreateInvoiceAsync(later);
        await Portal.CreateInvoiceAsync(open);
        await Portal.DrainOutboxAsync();
        var before = Portal.Mailbox.To(email).Count;

        var result = await Portal.SendAsync(new SendInvoiceRemindersCommand());

        Assert.Equal(1, result.Succeeded);
        var mail = Assert.Single(Portal.Mailbox.To(email).Skip(before));
        Assert.Contains(open.Number, mail.Subject);
    }
}

public sealed class InvoiceRemindersTestsOnSqlite() : InvoiceRemindersTests(SqlDialect.Sqlite);

public sealed class InvoiceRemindersTestsOnPostgres() : InvoiceRemindersTests(SqlDialect.Postgres), IPostgresTest;
