using FluentValidation;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Invoicing.Contracts.Invoices;
using static Portal.IntegrationTests.Invoicing.InvoiceBuilder;

namespace Portal.IntegrationTests.Invoicing;

public abstract class CreateInvoiceTests(SqlDialect dialect) : IntegrationTest(dialect)
{
    [DbFact]
    public async Task CreateInvoice_without_post_at_is_open_at_once_with_posted_event()
    {
        var account = await Portal.CreateAccountAsync();

        var created = await Portal.SendAsync(AnInvoice(account, 12_345).Build());

        Assert.Equal("open", created.Status);
        var invoice = await Portal.BackofficeInvoiceAsync(created.InvoiceId, account);
        Assert.Equal(Portal.Clock.GetUtcNow(), invoice.PostedAt);
        Assert.Equal(Money.Dollars(12_345), invoice.Balance);
        Assert.Equal(1, await Portal.EventCountAsync<InvoicePostedEvent>());
    }

    [DbFact]
    public async Task CreateInvoice_with_future_post_at_is_scheduled_without_event()
    {
        var account = await Portal.CreateAccountAsync();

        var created = await Portal.SendAsync(AnInvoice(account).PostingAt(Portal.Clock.GetUtcNow().AddHours(1)).Build());

        Assert.Equal("scheduled", created.Status);
        Assert.Null((await Portal.BackofficeInvoiceAsync(created.InvoiceId, account)).PostedAt);
        Assert.Equal(0, await Portal.EventCountAsync<InvoicePostedEvent>());
    }

    [DbFact]
    public async Task CreateInvoice_rounds_each_line_half_away_from_zero_and_sums_them()
    {
        var account = await Portal.CreateAccountAsync();
        var invoice = AnInvoice(account).WithLines(
            new InvoiceLineInputDto("Mulch", 1.5m, Money.Dollars(3)),
            new InvoiceLineInputDto("Edging", 0.3333m, Money.Dollars(100)));

        var id = await Portal.CreateInvoiceAsync(invoice);

        var detail = await Portal.SendAsync(new GetInvoiceQuery(account, id));
        Assert.Equal([Money.Dollars(5), Money.Dollars(33)], detail!.Lines.Select(l => l.Amount));
        Assert.Equal([1.5m, 0.3333m], detail.Lines.Select(l => l.Quantity));
        Assert.Equal(Money.Dollars(38), detail.Total);
    }

    [DbFact]
    public async Task CreateInvoice_when_number_taken_is_a_conflict()
    {
        var account = await Portal.CreateAccountAsync();
        await Portal.CreateInvoiceAsync(AnInvoice(account).Numbered("INV-TAKEN"));

        await Assert.ThrowsAsync<ConflictException>(() => Portal.SendAsync(AnInvoice(account).Numbered("INV-TAKEN").Build()));
    }

    [DbFact]
    public async Task CreateInvoice_for_unknown_account_is_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Portal.SendAsync(AnInvoice(Guid.NewGuid()).Build()));
    }

    [DbFact]
    public async Task CreateInvoice_with_due_date_before_invoice_date_is_invalid()
    {
        var account = await Portal.CreateAccountAsync();
        var command = AnInvoice(account).Build() with { DueDate = Today.AddDays(-1) };

        var error = await Assert.ThrowsAsync<ValidationException>(() => Portal.SendAsync(command));

        Assert.Contains(error.Errors, e => e.PropertyName == "DueDate");
    }

    [DbFact]
    public async Task CreateInvoice_without_lines_is_invalid()
    {
        var account = await Portal.CreateAccountAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(() => Portal.SendAsync(AnInvoice(account).WithLines().Build()));

        Assert.Contains(error.Errors, e => e.PropertyName == "Lines");
    }

    [DbFact]
    public async Task CreateInvoice_in_another_currency_is_invalid()
    {
        var account = await Portal.CreateAccountAsync();
        var invoice = AnInvoice(account).WithLines(new InvoiceLineInputDto("Mulch", 1m, new Money("EUR", 100)));

        var error = await Assert.ThrowsAsync<ValidationException>(() => Portal.SendAsync(invoice.Build()));

        Assert.Contains(error.Errors, e => e.PropertyName.StartsWith("Lines[0].UnitPrice", StringComparison.Ordinal));
    }
}

public sealed class CreateInvoiceTestsOnSqlite() : CreateInvoiceTests(SqlDialect.Sqlite);

public sealed class CreateInvoiceTestsOnPostgres() : CreateInvoiceTests(SqlDialect.Postgres), IPostgresTest;
