using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Invoicing.Contracts.Holds;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Invoicing.Contracts.Reports;
using static Portal.IntegrationTests.Invoicing.InvoiceBuilder;

namespace Portal.IntegrationTests.Invoicing;

public abstract class InvoiceQueryTests(SqlDialect dialect) : IntegrationTest(dialect)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Portal:InvoiceCutoverDate"] = "2026-01-01" };

    private async Task<IReadOnlyList<string>> NumbersAsync(Guid account, InvoiceStatusFilter status) =>
        (await Portal.SendAsync(new GetInvoicesQuery(account, Status: status))).Items.Select(i => i.InvoiceNumber).ToList();

    private async Task PayAsync(Guid account, Guid invoice, long cents)
    {
        var payment = Guid.NewGuid();
        await Portal.SendAsync(new PlaceHoldsCommand(payment, account, Money.Dollars(cents), [new AllocationDto(invoice, Money.Dollars(cents))]));
        await Portal.SendAsync(new ApplyHoldsCommand(payment));
    }

    [DbFact]
    public async Task GetInvoices_open_lists_open_and_partially_paid_by_due_date_and_never_scheduled()
    {
        var account = await Portal.CreateAccountAsync();
        await Portal.CreateInvoiceAsync(AnInvoice(account).Numbered("LATER").Due(Today.AddDays(20)));
        var partial = await Portal.CreateInvoiceAsync(AnInvoice(account, 1_000).Numbered("SOONER").Due(Today.AddDays(10)));
        var paid = await Portal.CreateInvoiceAsync(AnInvoice(account, 1_000).Numbered("PAID"));
        await Portal.CreateInvoiceAsync(AnInvoice(account).Numbered("SCHEDULED").PostingAt(Portal.Clock.GetUtcNow().AddDays(1)));
        await PayAsync(account, partial, 400);
        await PayAsync(account, paid, 1_000);

        Assert.Equal(["SOONER", "LATER"], await NumbersAsync(account, InvoiceStatusFilter.Open));
    }

    [DbFact]
    public async Task GetInvoices_paid_lists_only_paid_invoices()
    {
        var account = await Portal.CreateAccountAsync();
        await Portal.CreateInvoiceAsync(AnInvoice(account).Numbered("OPEN"));
        var paid = await Portal.CreateInvoiceAsync(AnInvoice(account, 1_000).Numbered("PAID"));
        await PayAsync(account, paid, 1_000);

        Assert.Equal(["PAID"], await NumbersAsync(account, InvoiceStatusFilter.Paid));
    }

    [DbFact]
    public async Task GetInvoices_never_shows_invoices_dated_before_the_cutover()
    {
        var account = await Portal.CreateAccountAsync();
        await Portal.CreateInvoiceAsync(AnInvoice(account).Numbered("OLD").Dated(new DateOnly(2025, 12, 31)));
        await Portal.CreateInvoiceAsync(AnInvoice(account).Numbered("NEW").Dated(new DateOnly(2026, 1, 1)));

        Assert.Equal(["NEW"], await NumbersAsync(account, InvoiceStatusFilter.All));
    }

    [DbFact]
    public async Task GetInvoices_pages_with_the_cursor_without_gaps_or_repeats()
    {
        var account = await Portal.CreateAccountAsync();
        foreach (var n in Enumerable.Range(1, 5))
            await Portal.CreateInvoiceAsync(AnInvoice(account).Numbered($"P-{n}").Due(Today.AddDays(n % 2)));

        var first = await Portal.SendAsync(new GetInvoicesQuery(account, Limit: 3));
        var second = await Portal.SendAsync(new GetInvoicesQuery(account, Limit: 3, Cursor: first.NextCursor));

        Assert.Equal(["P-2", "P-4", "P-1", "P-3", "P-5"], first.Items.Concat(second.Items).Select(i => i.InvoiceNumber));
        Assert.Null(second.NextCursor);
    }

    [DbFact]
    public async Task GetInvoice_of_another_account_is_null()
    {
        var owner = await Portal.CreateAccountAsync("A-1");
        var other = await Portal.CreateAccountAsync("A-2");
        var invoice = await Portal.CreateInvoiceAsync(AnInvoice(owner));

        Assert.Null(await Portal.SendAsync(new GetInvoiceQuery(other, invoice)));
    }

    [DbFact]
    public async Task GetInvoice_lists_applied_and_pending_payments()
    {
        var account = await Portal.CreateAccountAsync();
        var invoice = await Portal.CreateInvoiceAsync(AnInvoice(account, 10_000));
        await PayAsync(account, invoice, 3_000);
        await Portal.SendAsync(new PlaceHoldsCommand(Guid.NewGuid(), account, Money.Dollars(2_000)));

        var detail = await Portal.SendAsync(new GetInvoiceQuery(account, invoice));

        Assert.Equal([("applied", Money.Dollars(3_000)), ("pending", Money.Dollars(2_000))], detail!.Payments.Select(p => (p.Status, p.Amount)));
        Assert.Equal((Money.Dollars(7_000), Money.Dollars(2_000)), (detail.Balance, detail.PendingPayments));
    }

    [DbFact]
    public async Task GetBackofficeInvoices_includes_scheduled_and_void_invoices()
    {
        var account = await Portal.CreateAccountAsync();
        await Portal.CreateInvoiceAsync(AnInvoice(account).Numbered("S").PostingAt(Portal.Clock.GetUtcNow().AddDays(1)));
        var voided = await Portal.CreateInvoiceAsync(AnInvoice(account).Numbered("V"));
        await Portal.SendAsync(new VoidInvoiceCommand(voided));

        var page = await Portal.SendAsync(new GetBackofficeInvoicesQuery(account));

        Assert.Equal(["scheduled", "void"], page.Items.OrderBy(i => i.InvoiceNumber).Select(i => i.Status));
    }

    [DbFact]
    public async Task VoidInvoice_of_a_void_invoice_changes_nothing()
    {
        var account = await Portal.CreateAccountAsync();
        var invoice = await Portal.CreateInvoiceAsync(AnInvoice(account));
        await Portal.SendAsync(new VoidInvoiceCommand(invoice));

        await Portal.SendAsync(new VoidInvoiceCommand(invoice));

        Assert.Equal(1, await Portal.EventCountAsync<InvoiceVoidedEvent>());
    }

    [DbFact]
    public async Task GetAccountBalance_splits_overdue_from_open_as_of_the_clock()
    {
        var account = await Portal.CreateAccountAsync();
        await Portal.CreateInvoiceAsync(AnInvoice(account, 1_000).Due(Today.AddDays(-1)));
        await Portal.CreateInvoiceAsync(AnInvoice(account, 2_000).Due(Today));
        await Portal.CreateInvoiceAsync(AnInvoice(account, 4_000).Due(Today.AddDays(9)));
        await Portal.SendAsync(new PlaceHoldsCommand(Guid.NewGuid(), account, Money.Dollars(500)));

        var balance = await Portal.SendAsync(new GetAccountBalanceQuery(account));

        Assert.Equal(new AccountBalanceDto(Money.Dollars(7_000), Money.Dollars(1_000), Money.Dollars(500), Today), balance);
    }

    [DbFact]
    public async Task GetAgingReport_buckets_open_balances_by_days_past_due()
    {
        var account = await Portal.CreateAccountAsync();
        await Portal.CreateInvoiceAsync(AnInvoice(account, 100).Due(Today));
        await Portal.CreateInvoiceAsync(AnInvoice(account, 200).Dated(Today.AddDays(-60)).Due(Today.AddDays(-45)));
        await Portal.CreateInvoiceAsync(AnInvoice(account, 300).Dated(Today.AddDays(-120)).Due(Today.AddDays(-91)));

        var row = Assert.Single(await Portal.SendAsync(new GetAgingReportQuery(Today)));

        Assert.Equal(new AgingRowDto(account, Money.Dollars(100), Money.Dollars(0), Money.Dollars(200), Money.Dollars(0), Money.Dollars(300)), row);
    }
}

public sealed class InvoiceQueryTestsOnSqlite() : InvoiceQueryTests(SqlDialect.Sqlite);

public sealed class InvoiceQueryTestsOnPostgres() : InvoiceQueryTests(SqlDialect.Postgres), IPostgresTest;
