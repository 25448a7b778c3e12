using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Email;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invoicing.Contracts.Reminders;
using static Portal.IntegrationTests.Invoicing.InvoiceBuilder;

namespace Portal.IntegrationTests.Invoicing;

public abstract class InvoiceReminderFailureTests(SqlDialect dialect) : IntegrationTest(dialect)
{
    private readonly FlakyEmailSender sender = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IEmailSender>(sp => sender.Wrap(new EmailSender(sp.GetRequiredService<EmailOptions>())));

    [DbFact]
    public async Task Reminders_when_the_mail_server_fails_release_the_stage_and_the_next_run_sends_it_once()
    {
        var account = await Portal.CreateAccountAsync();
        var email = await Portal.AddMemberAsync(account, "acct", AccountRole.Accounting);
        var invoice = AnInvoice(account).Due(Today);
        var id = await Portal.CreateInvoiceAsync(invoice);
        await Portal.DrainOutboxAsync();
        sender.FailNext = 1;

        var failed = await Portal.SendAsync(new SendInvoiceRemindersCommand());
        var stagesAfterFailure = await Portal.StagesAsync(id);
        var retried = await Portal.SendAsync(new SendInvoiceRemindersCommand());
        var again = await Portal.SendAsync(new SendInvoiceRemindersCommand());

        Assert.Equal((1, 0, 1), (failed.Found, failed.Succeeded, failed.Failed));
        Assert.Equal(["posted"], stagesAfterFailure);
        Assert.Equal(1, retried.Succeeded);
        Assert.Equal(0, again.Found);
        Assert.Single(Portal.About(email, invoice.Number), m => m.Subject.StartsWith("Invoice"));
    }

    /// <summary>Fails the next FailNext sends like an unreachable mail server, then passes mail through.</summary>
    private sealed class FlakyEmailSender
    {
        private IEmailSender? inner;

        public int FailNext { get; set; }

        public IEmailSender Wrap(IEmailSender real)
        {
            inner = real;
            return new Sender(this);
        }

        private sealed class Sender(FlakyEmailSender owner) : IEmailSender
        {
            public Task SendAsync(EmailMessage message, CancellationToken ct = default)
            {
                if (owner.FailNext <= 0)
                    return owner.inner!.SendAsync(message, ct);
                owner.FailNext--;
                throw new System.Net.Mail.SmtpException("The mail server is unreachable.");
            }
        }
    }
}

public sealed class InvoiceReminderFailureTestsOnSqlite() : InvoiceReminderFailureTests(SqlDialect.Sqlite);

public sealed class InvoiceReminderFailureTestsOnPostgres() : InvoiceReminderFailureTests(SqlDialect.Postgres), IPostgresTest;
