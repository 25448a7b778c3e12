using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Http.Payments;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Invoicing.Contracts.Reminders;

namespace Portal.IntegrationTests.Http.Invoicing;

public abstract class RemindersHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Run_reminders_job_as_staff_returns_what_it_sent_and_is_refused_to_customers()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await pay.InvoiceAsync("INV-DUE", 4_200, dueInDays: 0);
        await pay.InvoiceAsync("INV-LATER", 4_200, dueInDays: 20);
        await Factory.AddStaffAsync("fin");
        var finance = await Factory.LoginAsync("fin");

        var customer = await pay.User.PostAsync("/api/backoffice/jobs/reminders/run", null);
        var anonymous = await CreateClient().PostAsync("/api/backoffice/jobs/reminders/run", null);
        var first = await finance.PostAsync("/api/backoffice/jobs/reminders/run", null);
        var second = await finance.PostAsync("/api/backoffice/jobs/reminders/run", null);

        Assert.Equal(HttpStatusCode.Forbidden, customer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("reminders", body.GetProperty("job").GetString());
        Assert.Equal((1, 1, 0), (body.GetProperty("found").GetInt32(), body.GetProperty("succeeded").GetInt32(), body.GetProperty("failed").GetInt32()));
        Assert.Equal(0, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("found").GetInt32());
        var reminder = Assert.Single(Factory.Mailbox.To("payer@example.test"), m => m.Subject.StartsWith("Invoice INV-DUE"));
        Assert.Contains("$42.00", reminder.Text);
        Assert.Contains("Birch Lane Condos", reminder.Html);
        Assert.StartsWith("http://localhost/invoices/", reminder.LinkStartingWith("http://localhost/invoices/"));
    }

    [DbFact]
    public async Task Invoice_autopay_covers_is_announced_with_its_charge_and_gets_no_reminders()
    {
        var pay = await AutopayFixture.WithAutopayAsync(Factory);

        await pay.InvoiceAsync("INV-AUTO", 8_900, dueInDays: 20);
        await Factory.DrainOutboxAsync();
        Factory.Clock.Advance(TimeSpan.FromDays(18));
        var result = await Factory.SendAsync(new SendInvoiceRemindersCommand());

        var posted = Assert.Single(Factory.Mailbox.To("payer@example.test"), m => m.Subject.Contains("INV-AUTO"));
        Assert.StartsWith("New invoice INV-AUTO", posted.Subject);
        Assert.Contains("autopay will charge $89.00", posted.Text);
        Assert.Contains("ending 1111", posted.Html);
        Assert.DoesNotContain("Pay it here", posted.Text);
        Assert.Equal(0, result.Found);
    }

    [DbFact]
    public async Task Invoice_autopay_charges_within_the_notice_days_is_announced_by_the_autopay_notice_alone()
    {
        var pay = await AutopayFixture.WithAutopayAsync(Factory);

        await pay.InvoiceAsync("INV-SOON", 8_900, dueInDays: 2);
        await Factory.DrainOutboxAsync();

        var mail = Assert.Single(Factory.Mailbox.To("payer@example.test"), m => m.Subject.Contains("INV-SOON"));
        Assert.StartsWith("Autopay will charge $89.00", mail.Subject);
        Assert.Contains("/autopay/skip", mail.Text);
    }
}

public sealed class RemindersHttpTestsOnSqlite() : RemindersHttpTests(SqlDialect.Sqlite);

public sealed class RemindersHttpTestsOnPostgres() : RemindersHttpTests(SqlDialect.Postgres), IPostgresTest;
