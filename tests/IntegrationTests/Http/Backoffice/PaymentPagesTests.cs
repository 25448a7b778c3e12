using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Http.Payments;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Payments.Contracts.Refunds;

namespace Portal.IntegrationTests.Http.Backoffice;

public abstract class PaymentPagesTests(SqlDialect dialect) : HttpTest(dialect)
{
    private async Task<(PaymentFixture Pay, Guid Payment, HttpClient Staff)> ArrangeAsync()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        var answer = await (await pay.PayAsync("key-1", 10_000, PaymentFixture.Card())).Content.ReadFromJsonAsync<JsonElement>();
        await Factory.AddStaffAsync("fin");
        return (pay, answer.GetProperty("paymentId").GetGuid(), await Factory.LoginAsync("fin"));
    }

    [DbFact]
    public async Task Payment_list_filters_by_status_and_the_detail_shows_reference_and_allocations()
    {
        var (pay, payment, staff) = await ArrangeAsync();

        var authorised = await staff.GetStringAsync("/backoffice/payments?status=authorised");
        var refused = await staff.GetStringAsync("/backoffice/payments?status=refused");
        var detail = await staff.GetStringAsync($"/backoffice/payments/{payment}");

        Assert.Contains($"data-payment=\"{payment}\"", authorised);
        Assert.DoesNotContain($"data-payment=\"{payment}\"", refused[refused.IndexOf("All payments", StringComparison.Ordinal)..]);
        Assert.Contains(pay.Emulator.Charges.Single().PspReference, detail);
        Assert.Contains("href=\"/backoffice/invoices/", detail);
    }

    [DbFact]
    public async Task Review_only_asks_for_confirmation_and_the_confirmed_refund_goes_out_once_and_is_audited()
    {
        var (pay, payment, staff) = await ArrangeAsync();

        var review = await staff.PostFormAsync($"/backoffice/payments/{payment}", "Review", ("Amount", "25.00"));
        var refundsAfterReview = (await Factory.SendAsync(new GetBackofficePaymentQuery(payment)))!.Payment.Refunded.Value;
        var sentBefore = pay.Emulator.SentWebhooks.Count;
        var refund = await staff.PostFormAsync($"/backoffice/payments/{payment}", "Refund", ("Amount", "25.00"));
        await pay.SettleWebhooksAsync(sentBefore + 1);

        Assert.Contains("Yes, refund $25.00", await review.Content.ReadAsStringAsync());
        Assert.Equal(0, refundsAfterReview);
        Assert.Equal(HttpStatusCode.Redirect, refund.StatusCode);
        Assert.Equal(2_500, (await Factory.SendAsync(new GetBackofficePaymentQuery(payment)))!.Payment.Refunded.Value);
        var page = await staff.GetStringAsync($"/backoffice/payments/{payment}");
        Assert.Contains("data-webhook=\"REFUND\"", page);
        Assert.Contains("payment.refunded", await staff.GetStringAsync($"/backoffice/accounts/{pay.Account}"));
    }

    [DbFact]
    public async Task Two_confirmed_full_refunds_sent_at_once_refund_the_payment_only_once()
    {
        var (pay, payment, staff) = await ArrangeAsync();
        var second = await Factory.LoginAsync("fin");

        var answers = await Task.WhenAll(
            staff.PostFormAsync($"/backoffice/payments/{payment}", "Refund", ("Amount", "100.00")),
            second.PostFormAsync($"/backoffice/payments/{payment}", "Refund", ("Amount", "100.00")));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var refunds = (await Factory.SendAsync(new Portal.Modules.Payments.Contracts.Payments.GetPaymentQuery(pay.Account, payment)))!.Refunds ?? [];
        Assert.Equal(10_000, refunds.Sum(r => r.Amount.Value));
    }

    [DbFact]
    public async Task A_confirm_form_sent_twice_refunds_once()
    {
        var (pay, payment, staff) = await ArrangeAsync();

        var first = await staff.PostFormAsync($"/backoffice/payments/{payment}", "Refund", ("Amount", "40.00"), ("RefundKey", "page-double-click"));
        var second = await staff.PostFormAsync($"/backoffice/payments/{payment}", "Refund", ("Amount", "40.00"), ("RefundKey", "page-double-click"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var refunds = (await Factory.SendAsync(new Portal.Modules.Payments.Contracts.Payments.GetPaymentQuery(pay.Account, payment)))!.Refunds ?? [];
        Assert.Equal(4_000, Assert.Single(refunds).Amount.Value);
    }

    [DbFact]
    public async Task A_refund_above_the_payment_or_a_bad_amount_is_refused_on_the_page_and_sends_nothing()
    {
        var (_, payment, staff) = await ArrangeAsync();

        var tooMuch = await staff.PostFormAsync($"/backoffice/payments/{payment}", "Refund", ("Amount", "100.01"));
        var garbage = await staff.PostFormAsync($"/backoffice/payments/{payment}", "Refund", ("Amount", "lots"));

        Assert.Equal(HttpStatusCode.OK, tooMuch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
        Assert.Contains("Enter the amount to refund", await garbage.Content.ReadAsStringAsync());
        Assert.Equal(0, (await Factory.SendAsync(new GetBackofficePaymentQuery(payment)))!.Payment.Refunded.Value);
        Assert.Empty((await Factory.SendAsync(new Portal.Modules.Payments.Contracts.Payments.GetPaymentQuery(
            (await Factory.SendAsync(new GetBackofficePaymentQuery(payment)))!.Payment.AccountId, payment)))!.Refunds ?? []);
    }
}

public sealed class PaymentPagesTestsOnSqlite() : PaymentPagesTests(SqlDialect.Sqlite);

public sealed class PaymentPagesTestsOnPostgres() : PaymentPagesTests(SqlDialect.Postgres), IPostgresTest;
