using FluentValidation;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Invoicing.Contracts.Holds;
using Portal.Modules.Invoicing.Contracts.Invoices;
using static Portal.IntegrationTests.Invoicing.InvoiceBuilder;

namespace Portal.IntegrationTests.Invoicing;

public abstract class HoldTests(SqlDialect dialect) : IntegrationTest(dialect)
{
    private Guid account;

    private async Task<Guid> OpenInvoiceAsync(long cents, int dueInDays = 30, bool partial = true)
    {
        account = account == Guid.Empty ? await Portal.CreateAccountAsync() : account;
        var invoice = AnInvoice(account, cents).Due(Today.AddDays(dueInDays));
        return await Portal.CreateInvoiceAsync(partial ? invoice : invoice.NoPartialPayment());
    }

    private Task<IReadOnlyList<AllocationDto>> HoldAsync(Guid paymentId, long cents, params AllocationDto[] allocations) =>
        Portal.SendAsync(new PlaceHoldsCommand(paymentId, account, Money.Dollars(cents), allocations.Length == 0 ? null : allocations));

    private async Task<InvoiceDto> InvoiceAsync(Guid id) => (await Portal.SendAsync(new GetInvoicesQuery(account, Status: InvoiceStatusFilter.All))).Items.Single(i => i.InvoiceId == id);

    [DbFact]
    public async Task PlaceHolds_six_at_once_for_the_full_balance_lets_exactly_one_win()
    {
        var invoice = await OpenInvoiceAsync(10_000);

        var attempts = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            try
            {
                await HoldAsync(Guid.NewGuid(), 10_000, new AllocationDto(invoice, Money.Dollars(10_000)));
                return true;
            }
            catch (BusinessRuleException e) when (e.Code == "amount_exceeds_open_balance")
            {
                return false;
            }
        })).ToList();
        var won = await Task.WhenAll(attempts);

        Assert.Single(won, w => w);
        Assert.Equal(Money.Dollars(10_000), (await InvoiceAsync(invoice)).PendingPayments);
    }

    [DbFact]
    public async Task PlaceHolds_interleaved_partial_holds_never_reserve_more_than_the_balance()
    {
        var invoice = await OpenInvoiceAsync(10_000);

        var attempts = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                await HoldAsync(Guid.NewGuid(), 3_000);
                return 1;
            }
            catch (BusinessRuleException)
            {
                return 0;
            }
        })).ToList();
        var placed = (await Task.WhenAll(attempts)).Sum();

        Assert.Equal(3, placed);
        Assert.Equal(Money.Dollars(9_000), (await InvoiceAsync(invoice)).PendingPayments);
    }

    [DbFact]
    public async Task PlaceHolds_run_twice_for_one_payment_holds_once()
    {
        var invoice = await OpenInvoiceAsync(10_000);
        var payment = Guid.NewGuid();
        var first = await HoldAsync(payment, 4_000);

        var second = await HoldAsync(payment, 4_000);

        Assert.Equal(first, second);
        Assert.Equal(Money.Dollars(4_000), (await InvoiceAsync(invoice)).PendingPayments);
    }

    [DbFact]
    public async Task PlaceHolds_for_one_payment_sent_concurrently_holds_once()
    {
        var invoice = await OpenInvoiceAsync(10_000);
        var payment = Guid.NewGuid();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => HoldAsync(payment, 4_000))));

        Assert.All(results, r => Assert.Equal([new AllocationDto(invoice, Money.Dollars(4_000))], r));
        Assert.Equal(Money.Dollars(4_000), (await InvoiceAsync(invoice)).PendingPayments);
    }

    [DbFact]
    public async Task ApplyHolds_sent_concurrently_lowers_the_balance_once()
    {
        var invoice = await OpenInvoiceAsync(10_000);
        var payment = Guid.NewGuid();
        await HoldAsync(payment, 4_000);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Portal.SendAsync(new ApplyHoldsCommand(payment)))));

        var after = await InvoiceAsync(invoice);
        Assert.Equal((Money.Dollars(6_000), Money.Dollars(0)), (after.Balance, after.PendingPayments));
    }

    [DbFact]
    public async Task PlaceHolds_above_the_open_balance_minus_other_holds_is_refused()
    {
        await OpenInvoiceAsync(10_000);
        await HoldAsync(Guid.NewGuid(), 6_000);

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => HoldAsync(Guid.NewGuid(), 5_000));

        Assert.Equal("amount_exceeds_open_balance", error.Code);
    }

    [DbFact]
    public async Task PlaceHolds_partial_on_an_invoice_that_forbids_it_is_refused()
    {
        var invoice = await OpenInvoiceAsync(10_000, partial: false);

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => HoldAsync(Guid.NewGuid(), 5_000, new AllocationDto(invoice, Money.Dollars(5_000))));

        Assert.Equal("partial_payment_not_allowed", error.Code);
    }

    [DbFact]
    public async Task PlaceHolds_on_a_void_invoice_is_refused_as_not_open()
    {
        var invoice = await OpenInvoiceAsync(10_000);
        await Portal.SendAsync(new VoidInvoiceCommand(invoice));

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => HoldAsync(Guid.NewGuid(), 100, new AllocationDto(invoice, Money.Dollars(100))));

        Assert.Equal("invoice_not_open", error.Code);
    }

    [DbFact]
    public async Task PlaceHolds_in_another_currency_is_refused()
    {
        await OpenInvoiceAsync(10_000);

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Portal.SendAsync(new PlaceHoldsCommand(Guid.NewGuid(), account, new Money("EUR", 100))));

        Assert.Equal("currency_not_supported", error.Code);
    }

    [DbFact]
    public async Task PlaceHolds_with_allocations_not_adding_up_is_invalid()
    {
        var invoice = await OpenInvoiceAsync(10_000);

        await Assert.ThrowsAsync<ValidationException>(() => HoldAsync(Guid.NewGuid(), 5_000, new AllocationDto(invoice, Money.Dollars(4_000))));
    }

    [DbFact]
    public async Task ApplyHolds_pays_the_invoices_once_even_when_run_twice()
    {
        var older = await OpenInvoiceAsync(3_000, dueInDays: 10);
        var newer = await OpenInvoiceAsync(5_000, dueInDays: 20);
        var payment = Guid.NewGuid();
        await HoldAsync(payment, 4_000);

        await Portal.SendAsync(new ApplyHoldsCommand(payment));
        await Portal.SendAsync(new ApplyHoldsCommand(payment));

        Assert.Equal(("paid", Money.Dollars(0)), ((await InvoiceAsync(older)).Status, (await InvoiceAsync(older)).Balance));
        Assert.Equal(("partially_paid", Money.Dollars(4_000), Money.Dollars(0)),
            ((await InvoiceAsync(newer)).Status, (await InvoiceAsync(newer)).Balance, (await InvoiceAsync(newer)).PendingPayments));
        Assert.Equal(1, await Portal.EventCountAsync<InvoicePaidEvent>());
    }

    [DbFact]
    public async Task ReleaseHolds_frees_the_balance_and_a_later_apply_changes_nothing()
    {
        var invoice = await OpenInvoiceAsync(10_000);
        var payment = Guid.NewGuid();
        await HoldAsync(payment, 10_000);

        await Portal.SendAsync(new ReleaseHoldsCommand(payment));
        await Portal.SendAsync(new ApplyHoldsCommand(payment));

        var after = await InvoiceAsync(invoice);
        Assert.Equal(("open", Money.Dollars(10_000), Money.Dollars(0)), (after.Status, after.Balance, after.PendingPayments));
    }

    [DbFact]
    public async Task ReopenInvoiceBalance_gives_back_newest_allocation_first_once()
    {
        var older = await OpenInvoiceAsync(3_000, dueInDays: 10);
        var newer = await OpenInvoiceAsync(5_000, dueInDays: 20);
        var payment = Guid.NewGuid();
        await HoldAsync(payment, 8_000);
        await Portal.SendAsync(new ApplyHoldsCommand(payment));

        await Portal.SendAsync(new ReopenInvoiceBalanceCommand(payment, Money.Dollars(6_000), "refund:1"));
        await Portal.SendAsync(new ReopenInvoiceBalanceCommand(payment, Money.Dollars(6_000), "refund:1"));

        Assert.Equal(("partially_paid", Money.Dollars(1_000)), ((await InvoiceAsync(older)).Status, (await InvoiceAsync(older)).Balance));
        Assert.Equal(("open", Money.Dollars(5_000)), ((await InvoiceAsync(newer)).Status, (await InvoiceAsync(newer)).Balance));
    }

    [DbFact]
    public async Task ReopenInvoiceBalance_above_what_the_payment_applied_is_refused()
    {
        await OpenInvoiceAsync(3_000);
        var payment = Guid.NewGuid();
        await HoldAsync(payment, 3_000);
        await Portal.SendAsync(new ApplyHoldsCommand(payment));

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Portal.SendAsync(new ReopenInvoiceBalanceCommand(payment, Money.Dollars(3_001), "chargeback:1")));

        Assert.Equal("reopen_exceeds_applied", error.Code);
    }

    [DbFact]
    public async Task ReopenInvoiceBalance_up_to_applied_reopens_what_is_left_and_says_how_much()
    {
        var invoice = await OpenInvoiceAsync(3_000);
        var payment = Guid.NewGuid();
        await HoldAsync(payment, 3_000);
        await Portal.SendAsync(new ApplyHoldsCommand(payment));
        await Portal.SendAsync(new ReopenInvoiceBalanceCommand(payment, Money.Dollars(1_000), "refund:1"));

        var reopened = await Portal.SendAsync(new ReopenInvoiceBalanceCommand(payment, Money.Dollars(3_000), "chargeback:1", UpToApplied: true));

        Assert.Equal(2_000, reopened.Sum(r => r.Amount.Value));
        Assert.Equal(Money.Dollars(3_000), (await InvoiceAsync(invoice)).Balance);
    }

    [DbFact]
    public async Task VoidInvoice_with_a_pending_payment_is_refused()
    {
        var invoice = await OpenInvoiceAsync(10_000);
        await HoldAsync(Guid.NewGuid(), 1_000);

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => Portal.SendAsync(new VoidInvoiceCommand(invoice)));

        Assert.Equal("invoice_has_payments", error.Code);
    }

    [DbFact]
    public async Task VoidInvoice_after_a_released_payment_voids_it()
    {
        var invoice = await OpenInvoiceAsync(10_000);
        var payment = Guid.NewGuid();
        await HoldAsync(payment, 1_000);
        await Portal.SendAsync(new ReleaseHoldsCommand(payment));

        await Portal.SendAsync(new VoidInvoiceCommand(invoice));

        Assert.Equal("void", (await InvoiceAsync(invoice)).Status);
    }
}

public sealed class HoldTestsOnSqlite() : HoldTests(SqlDialect.Sqlite);

public sealed class HoldTestsOnPostgres() : HoldTests(SqlDialect.Postgres), IPostgresTest;
