using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Http.Payments;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.IntegrationTests.Http.Documents;

public abstract class DocumentsHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Portal:Business:Name"] = "Evergreen Grounds Co",
        ["Portal:Business:Address"] = "12 Elm Street\nSpringfield, IL 62701",
    };

    [DbFact]
    public async Task Invoice_pdf_shows_the_business_lines_total_payments_and_balance()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var invoice = await InvoiceAsync(pay, "INV-77", Factory.Clock.Today.AddDays(-3), ("Spring cleanup", 2m, 4_500), ("Mulch, premium", 1m, 1_000));
        await PaidAsync(pay, "key-1", invoice, 4_000);

        var response = await pay.User.GetAsync($"/api/accounts/{pay.Account}/invoices/{invoice}/pdf");
        var pdf = PdfText.Read(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Evergreen Grounds Co", pdf.All);
        Assert.Contains("Springfield, IL 62701", pdf.All);
        Assert.Contains("Birch Lane Condos", pdf.All);
        Assert.Contains("Spring cleanup", pdf.All);
        Assert.Equal("INV-77", pdf.After("Invoice number"));
        Assert.Equal("$100.00", pdf.After("Total"));
        Assert.Equal("$40.00", pdf.After("Paid"));
        Assert.Equal("$60.00", pdf.After("Balance due"));
    }

    [DbFact]
    public async Task Receipt_pdf_names_the_invoices_paid_the_card_and_the_refund()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var first = await InvoiceAsync(pay, "INV-1", Factory.Clock.Today.AddDays(-9), ("Mowing", 1m, 3_000));
        var second = await InvoiceAsync(pay, "INV-2", Factory.Clock.Today.AddDays(-8), ("Edging", 1m, 2_000));
        var paymentId = await PaidAsync(pay, "key-1", first, 3_000, (second, 2_000));
        await RefundAsync(pay, paymentId, 500);

        var pdf = PdfText.Read(await pay.User.GetByteArrayAsync($"/api/accounts/{pay.Account}/payments/{paymentId}/receipt"));

        Assert.Contains("Invoice INV-1 $30.00", pdf.All);
        Assert.Contains("Invoice INV-2 $20.00", pdf.All);
        Assert.Contains("Visa ••1111", pdf.All);
        Assert.Equal(paymentId.ToString("N")[..8].ToUpperInvariant(), pdf.After("Payment reference"));
        Assert.Equal("$50.00", pdf.After("Amount paid"));
        Assert.Equal("$5.00", pdf.After("Refunded"));
        Assert.Equal("$45.00", pdf.After("Net paid"));
    }

    [DbFact]
    public async Task Statement_adds_up_from_opening_to_closing_and_closes_at_the_open_balance()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var today = Factory.Clock.Today;
        var old = await InvoiceAsync(pay, "INV-OLD", today.AddDays(-40), ("Winter prep", 1m, 10_000));
        var recent = await InvoiceAsync(pay, "INV-NEW", today.AddDays(-5), ("Leaf removal", 1m, 5_000));
        var paymentId = await PaidAsync(pay, "key-1", old, 6_000);
        await RefundAsync(pay, paymentId, 1_000);

        var pdf = PdfText.Read(await pay.User.GetByteArrayAsync(
            $"/api/accounts/{pay.Account}/statement?from={today.AddDays(-20):yyyy-MM-dd}&thru={today:yyyy-MM-dd}"));
        var openBalance = await pay.BalanceAsync(old) + await pay.BalanceAsync(recent);

        Assert.Equal("$100.00", pdf.After("Opening balance"));
        Assert.Contains("Invoice INV-NEW $50.00", pdf.All);
        Assert.Contains($"Payment {paymentId.ToString("N")[..8].ToUpperInvariant()} for INV-OLD $60.00", pdf.All);
        Assert.Contains($"Refund of payment {paymentId.ToString("N")[..8].ToUpperInvariant()} $10.00", pdf.All);
        Assert.Equal("$60.00", pdf.After("Total charges"));
        Assert.Equal("$60.00", pdf.After("Total credits"));
        Assert.Equal(10_000, openBalance);
        Assert.Equal("$100.00", pdf.After("Closing balance"));
    }

    [DbFact]
    public async Task Statement_before_anything_was_billed_is_empty_and_a_long_one_runs_onto_more_pages()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var today = Factory.Clock.Today;
        for (var i = 0; i < 70; i++)
            await InvoiceAsync(pay, $"INV-{i:000}", today.AddDays(-70 + i), ("Weekly visit", 1m, 1_000 + i));

        var empty = PdfText.Read(await pay.User.GetByteArrayAsync($"/api/accounts/{pay.Account}/statement?from=2020-01-01&thru=2020-12-31"));
        var full = PdfText.Read(await pay.User.GetByteArrayAsync($"/api/accounts/{pay.Account}/statement?from={today.AddDays(-80):yyyy-MM-dd}"));

        Assert.Contains("Nothing was billed or paid in this period.", empty.All);
        Assert.Equal("$0.00", empty.After("Closing balance"));
        Assert.True(full.Pages >= 2, $"{full.Pages} page(s)");
        Assert.Contains("Invoice INV-069 $10.69", full.All);
        Assert.Equal($"${(70 * 1_000 + 69 * 70 / 2) / 100m:N2}", full.After("Closing balance"));
    }

    [DbFact]
    public async Task Documents_answer_only_billing_members_of_the_account_and_refuse_what_has_none()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var invoice = await InvoiceAsync(pay, "INV-1", Factory.Clock.Today, ("Mowing", 1m, 3_000));
        var refused = await pay.PayAsync("key-1", 3_000, PaymentFixture.Card(holderName: "DECLINED"));
        var refusedId = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentId").GetString();
        await Factory.AddMemberAsync(pay.Account, "crew", Modules.Identity.Contracts.AccountRole.Basic);
        var other = await Factory.CreateAccountAsync("B-1", "Other HOA");
        await Factory.AddMemberAsync(other, "stranger", Modules.Identity.Contracts.AccountRole.Admin);
        var basic = await Factory.LoginAsync("crew");
        var stranger = await Factory.LoginAsync("stranger");

        Assert.Equal(HttpStatusCode.NotFound, (await pay.User.GetAsync($"/api/accounts/{pay.Account}/payments/{refusedId}/receipt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pay.User.GetAsync($"/api/accounts/{pay.Account}/invoices/{Guid.NewGuid()}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await basic.GetAsync($"/api/accounts/{pay.Account}/invoices/{invoice}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/accounts/{pay.Account}/invoices/{invoice}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/accounts/{pay.Account}/statement")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await pay.User.GetAsync($"/api/accounts/{pay.Account}/statement?from=2026-03-01&thru=2026-02-01")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await pay.User.GetAsync($"/api/accounts/{pay.Account}/statement?from=yesterday")).StatusCode);
    }

    private async Task<Guid> InvoiceAsync(PaymentFixture pay, string number, DateOnly date, params (string Description, decimal Quantity, long Cents)[] lines)
    {
        var created = await Factory.SendAsync(new CreateInvoiceCommand(pay.Account, number, date, date.AddDays(30), null,
            lines.Select(l => new InvoiceLineInputDto(l.Description, l.Quantity, Money.Dollars(l.Cents))).ToList(), true));
        return created.InvoiceId;
    }

    private static async Task<Guid> PaidAsync(PaymentFixture pay, string key, Guid invoice, long cents, params (Guid Invoice, long Cents)[] more)
    {
        object[] allocations = [new { invoiceId = invoice, amount = new { currency = "USD", value = cents } },
            .. more.Select(m => (object)new { invoiceId = m.Invoice, amount = new { currency = "USD", value = m.Cents } })];
        var response = await pay.PayAsync(key, cents + more.Sum(m => m.Cents), PaymentFixture.Card(), allocations);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("authorised", body.GetProperty("status").GetString());
        await pay.SettleWebhooksAsync(pay.Emulator.SentWebhooks.Count);
        return Guid.Parse(body.GetProperty("paymentId").GetString()!);
    }

    private async Task RefundAsync(PaymentFixture pay, Guid paymentId, long cents)
    {
        await Factory.AddStaffAsync("fin");
        var finance = await Factory.LoginAsync("fin");
        var sentBefore = pay.Emulator.SentWebhooks.Count;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/backoffice/payments/{paymentId}/refunds")
        {
            Content = JsonContent.Create(new { amount = new { currency = "USD", value = cents } }),
        };
        request.Headers.Add("Idempotency-Key", $"refund-{paymentId:N}-{cents}");
        var refund = await finance.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, refund.StatusCode);
        await pay.SettleWebhooksAsync(sentBefore + 1);
    }
}

public sealed class DocumentsHttpTestsOnSqlite() : DocumentsHttpTests(SqlDialect.Sqlite);

public sealed class DocumentsHttpTestsOnPostgres() : DocumentsHttpTests(SqlDialect.Postgres), IPostgresTest;
