using FluentValidation;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Invoicing.Contracts.Holds;
using Portal.Modules.Invoicing.Contracts.Invoices;
using static Portal.IntegrationTests.Invoicing.InvoiceBuilder;

namespace Portal.IntegrationTests.Invoicing;

public abstract class BackofficeInvoiceQueryTests(SqlDialect dialect) : IntegrationTest(dialect)
{
    [DbFact]
    public async Task GetBackofficeInvoices_filters_by_part_of_the_number_in_any_case()
    {
        var account = await Portal.CreateAccountAsync();
        await Portal.CreateInvoiceAsync(AnInvoice(account).Numbered("SPRING-001"));
        await Portal.CreateInvoiceAsync(AnInvoice(account).Numbered("SPRING-002"));
        await Portal.CreateInvoiceAsync(AnInvoice(account).Numbered("FALL-001"));

        var page = await Portal.SendAsync(new GetBackofficeInvoicesQuery(Number: "ring-"));

        Assert.Equal(["SPRING-001", "SPRING-002"], page.Items.Select(i => i.InvoiceNumber).Order());
    }

    [DbFact]
    public async Task GetBackofficeInvoice_shows_a_scheduled_invoice_with_its_lines()
    {
        var account = await Portal.CreateAccountAsync();
        var invoice = await Portal.CreateInvoiceAsync(AnInvoice(account).Numbered("LATER").PostingAt(Portal.Clock.GetUtcNow().AddDays(2))
            .WithLines(new InvoiceLineInputDto("Mulch", 2.5m, Money.Dollars(1_000))));

        var detail = await Portal.SendAsync(new GetBackofficeInvoiceQuery(invoice));

        Assert.Equal(("scheduled", account), (detail!.Invoice.Status, detail.Invoice.AccountId));
        Assert.Equal(new InvoiceLineDto("Mulch", 2.5m, Money.Dollars(1_000), Money.Dollars(2_500)), Assert.Single(detail.Lines));
    }

    [DbFact]
    public async Task GetBackofficeInvoice_lists_holds_as_pending_and_applied_payments()
    {
        var account = await Portal.CreateAccountAsync();
        var invoice = await Portal.CreateInvoiceAsync(AnInvoice(account, 10_000));
        var (applied, held) = (Guid.NewGuid(), Guid.NewGuid());
        await Portal.SendAsync(new PlaceHoldsCommand(applied, account, Money.Dollars(3_000), [new AllocationDto(invoice, Money.Dollars(3_000))]));
        await Portal.SendAsync(new ApplyHoldsCommand(applied));
        await Portal.SendAsync(new PlaceHoldsCommand(held, account, Money.Dollars(2_000), [new AllocationDto(invoice, Money.Dollars(2_000))]));

        var detail = await Portal.SendAsync(new GetBackofficeInvoiceQuery(invoice));

        Assert.Equal([(applied, "applied", 3_000L), (held, "pending", 2_000L)],
            detail!.Payments.Select(p => (p.PaymentId, p.Status, p.Amount.Value)).ToArray());
        Assert.Equal(7_000, detail.Invoice.Balance.Value);
    }

    [DbFact]
    public async Task GetBackofficeInvoice_of_an_unknown_invoice_is_null()
    {
        Assert.Null(await Portal.SendAsync(new GetBackofficeInvoiceQuery(Guid.NewGuid())));
    }

    [DbFact]
    public async Task VoidInvoice_refuses_an_overlong_reason_and_takes_a_short_one()
    {
        var account = await Portal.CreateAccountAsync();
        var invoice = await Portal.CreateInvoiceAsync(AnInvoice(account));

        await Assert.ThrowsAsync<ValidationException>(() => Portal.SendAsync(new VoidInvoiceCommand(invoice, new string('x', 501))));
        await Portal.SendAsync(new VoidInvoiceCommand(invoice, "Billed twice"));

        Assert.Equal("void", (await Portal.SendAsync(new GetBackofficeInvoiceQuery(invoice)))!.Invoice.Status);
    }
}

public sealed class BackofficeInvoiceQueryTestsOnSqlite() : BackofficeInvoiceQueryTests(SqlDialect.Sqlite);

public sealed class BackofficeInvoiceQueryTestsOnPostgres() : BackofficeInvoiceQueryTests(SqlDialect.Postgres), IPostgresTest;
