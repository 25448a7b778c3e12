using System.Net;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Http.Payments;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.IntegrationTests.Http.Documents;

public abstract class DocumentLinksHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Receipt_link_in_the_payment_email_opens_the_pdf_after_sign_in()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-1", 2_500, dueInDays: 5);
        await pay.PayAsync("key-1", 2_500, PaymentFixture.Card());
        await pay.SettleWebhooksAsync(1);

        var link = Factory.Mailbox.To("payer@example.test").Single(m => m.Subject.StartsWith("Payment received"))
            .LinkStartingWith($"http://localhost/documents/receipt/{pay.Account}/")!;
        var anonymous = await Factory.Anonymous().GetAsync(link);
        var redirect = await pay.User.GetAsync(link);
        var pdf = await pay.User.GetAsync(redirect.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains("INV-1", PdfText.Read(await pdf.Content.ReadAsByteArrayAsync()).All);
    }

    [DbFact]
    public async Task Invoice_posted_email_links_to_its_pdf_and_the_pages_link_to_every_document()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var today = Factory.Clock.Today;
        var created = await Factory.SendAsync(new CreateInvoiceCommand(pay.Account, "INV-9", today, today.AddDays(30), null,
            [new InvoiceLineInputDto("Aeration", 1m, Money.Dollars(8_800))], true));
        await Factory.DrainOutboxAsync();

        var link = Factory.Mailbox.To("payer@example.test").Single(m => m.Subject.Contains("INV-9"))
            .LinkStartingWith("http://localhost/documents/invoice/")!;
        var pdf = await pay.User.GetAsync((await pay.User.GetAsync(link)).Headers.Location);
        var detail = await pay.User.GetStringAsync($"/invoices/{created.InvoiceId}");
        var list = await pay.User.GetStringAsync("/invoices");

        Assert.Equal($"http://localhost/documents/invoice/{pay.Account}/{created.InvoiceId}", link);
        Assert.Contains("$88.00", PdfText.Read(await pdf.Content.ReadAsByteArrayAsync()).All);
        Assert.Contains($"/api/accounts/{pay.Account}/invoices/{created.InvoiceId}/pdf", detail);
        Assert.Contains($"action=\"/api/accounts/{pay.Account}/statement\"", list);
    }
}

public sealed class DocumentLinksHttpTestsOnSqlite() : DocumentLinksHttpTests(SqlDialect.Sqlite);

public sealed class DocumentLinksHttpTestsOnPostgres() : DocumentLinksHttpTests(SqlDialect.Postgres), IPostgresTest;
