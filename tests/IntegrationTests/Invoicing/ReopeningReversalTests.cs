using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Invoicing.Contracts.Holds;
using Portal.Modules.Invoicing.Contracts.Invoices;
using static Portal.IntegrationTests.Invoicing.InvoiceBuilder;

namespace Portal.IntegrationTests.Invoicing;

public abstract class ReopeningReversalTests(SqlDialect dialect) : IntegrationTest(dialect)
{
    private Guid account;

    private async Task<Guid> OpenInvoiceAsync(long cents, int dueInDays)
    {
        account = account == Guid.Empty ? await Portal.CreateAccountAsync() : account;
        return await Portal.CreateInvoiceAsync(AnInvoice(account, cents).Due(Today.AddDays(dueInDays)));
    }

    private async Task<Guid> PaidAsync(long cents)
    {
        var payment = Guid.NewGuid();
        await Portal.SendAsync(new PlaceHoldsCommand(payment, account, Money.Dollars(cents)));
        await Portal.SendAsync(new ApplyHoldsCommand(payment));
        return payment;
    }

    private async Task<InvoiceDto> InvoiceAsync(Guid id) =>
        (await Portal.SendAsync(new GetInvoicesQuery(account, Status: InvoiceStatusFilter.All))).Items.Single(i => i.InvoiceId == id);

    [DbFact]
    public async Task ReverseInvoiceReopening_pays_again_exactly_what_the_reopening_gave_back_once()
    {
        var older = await OpenInvoiceAsync(3_000, dueInDays: 10);
        var newer = await OpenInvoiceAsync(5_000, dueInDays: 20);
        var payment = await PaidAsync(8_000);
        await Portal.SendAsync(new ReopenInvoiceBalanceCommand(payment, Money.Dollars(6_000), "refund:1"));
        await Portal.SendAsync(new ReopenInvoiceBalanceCommand(payment, Money.Dollars(1_000), "refund:2"));

        var first = await Portal.SendAsync(new ReverseInvoiceReopeningCommand(payment, "refund:1"));
        var again = await Portal.SendAsync(new ReverseInvoiceReopeningCommand(payment, "refund:1"));

        Assert.Equal(6_000, first.Sum(a => a.Amount.Value));
        Assert.Empty(again);
        Assert.Equal(("partially_paid", Money.Dollars(1_000)), ((await InvoiceAsync(older)).Status, (await InvoiceAsync(older)).Balance));
        Assert.Equal(("paid", Money.Dollars(0)), ((await InvoiceAsync(newer)).Status, (await InvoiceAsync(newer)).Balance));
    }

    [DbFact]
    public async Task ReverseInvoiceReopening_after_the_invoice_was_paid_again_takes_back_only_what_is_open()
    {
        var invoice = await OpenInvoiceAsync(5_000, dueInDays: 10);
        var payment = await PaidAsync(5_000);
        await Portal.SendAsync(new ReopenInvoiceBalanceCommand(payment, Money.Dollars(5_000), "refund:1"));
        await PaidAsync(3_000);

        var applied = await Portal.SendAsync(new ReverseInvoiceReopeningCommand(payment, "refund:1"));

        Assert.Equal(2_000, applied.Sum(a => a.Amount.Value));
        Assert.Equal(("paid", Money.Dollars(0)), ((await InvoiceAsync(invoice)).Status, (await InvoiceAsync(invoice)).Balance));
    }

    [DbFact]
    public async Task ReverseInvoiceReopening_of_a_reason_never_reopened_changes_nothing()
    {
        var invoice = await OpenInvoiceAsync(5_000, dueInDays: 10);
        var payment = await PaidAsync(5_000);
        await Portal.SendAsync(new ReopenInvoiceBalanceCommand(payment, Money.Dollars(2_000), "refund:1"));

        var applied = await Portal.SendAsync(new ReverseInvoiceReopeningCommand(payment, "refund:9"));

        Assert.Empty(applied);
        Assert.Equal(Money.Dollars(2_000), (await InvoiceAsync(invoice)).Balance);
    }
}

public sealed class ReopeningReversalTestsOnSqlite() : ReopeningReversalTests(SqlDialect.Sqlite);

public sealed class ReopeningReversalTestsOnPostgres() : ReopeningReversalTests(SqlDialect.Postgres), IPostgresTest;
