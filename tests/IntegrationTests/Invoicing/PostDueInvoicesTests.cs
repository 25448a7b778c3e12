using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Invoicing.Contracts.Invoices;
using static Portal.IntegrationTests.Invoicing.InvoiceBuilder;

namespace Portal.IntegrationTests.Invoicing;

public abstract class PostDueInvoicesTests(SqlDialect dialect) : IntegrationTest(dialect)
{
    [DbFact]
    public async Task PostDueInvoices_run_late_posts_what_is_due_and_leaves_future_ones()
    {
        var account = await Portal.CreateAccountAsync();
        var start = Portal.Clock.GetUtcNow();
        var due = await Portal.CreateInvoiceAsync(AnInvoice(account).PostingAt(start.AddHours(1)));
        var future = await Portal.CreateInvoiceAsync(AnInvoice(account).PostingAt(start.AddDays(2)));
        Portal.Clock.Advance(TimeSpan.FromHours(5));

        var result = await Portal.SendAsync(new PostDueInvoicesCommand());

        Assert.Equal(1, result.Succeeded);
        Assert.Equal("open", (await Portal.BackofficeInvoiceAsync(due, account)).Status);
        Assert.Equal("scheduled", (await Portal.BackofficeInvoiceAsync(future, account)).Status);
    }

    [DbFact]
    public async Task PostDueInvoices_run_concurrently_posts_each_invoice_once()
    {
        var account = await Portal.CreateAccountAsync();
        var postAt = Portal.Clock.GetUtcNow().AddMinutes(1);
        const int count = 2_500;
        await Portal.SendAsync(new CreateInvoiceCommand(
            account, "SEED", Today, Today, postAt, [new InvoiceLineInputDto("x", 1m, BuildingBlocks.Money.Dollars(1))]));
        await SeedScheduledCopiesAsync("SEED", count - 1);
        Portal.Clock.Advance(TimeSpan.FromMinutes(2));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Portal.SendAsync(new PostDueInvoicesCommand()))));

        Assert.Equal(count, results.Sum(r => r.Succeeded));
        Assert.Equal(count, await Portal.EventCountAsync<InvoicePostedEvent>());
        Assert.Equal(0L, (await Portal.QueryAsync<long>("select count(*) from invoicing_invoices where status = 'scheduled'")).Single());
    }

    [DbFact]
    public async Task PostDueInvoices_run_twice_posts_nothing_the_second_time()
    {
        var account = await Portal.CreateAccountAsync();
        await Portal.CreateInvoiceAsync(AnInvoice(account).PostingAt(Portal.Clock.GetUtcNow().AddMinutes(1)));
        Portal.Clock.Advance(TimeSpan.FromMinutes(1));
        await Portal.SendAsync(new PostDueInvoicesCommand());

        var second = await Portal.SendAsync(new PostDueInvoicesCommand());

        Assert.Equal(0, second.Found);
        Assert.Equal(1, await Portal.EventCountAsync<InvoicePostedEvent>());
    }

    [DbFact]
    public async Task PostDueInvoices_across_several_batches_posts_every_due_invoice()
    {
        var account = await Portal.CreateAccountAsync();
        await Portal.SendAsync(new CreateInvoiceCommand(
            account, "SEED", Today, Today, Portal.Clock.GetUtcNow().AddMinutes(1), [new InvoiceLineInputDto("x", 1m, BuildingBlocks.Money.Dollars(1))]));
        await SeedScheduledCopiesAsync("SEED", 2_499);
        Portal.Clock.Advance(TimeSpan.FromMinutes(1));

        var result = await Portal.SendAsync(new PostDueInvoicesCommand());

        // Speed is measured in tests/Benchmarks (docs/PERFORMANCE.md), never here.
        Assert.Equal(2_500, result.Succeeded);
        Assert.Equal(2_500, await Portal.EventCountAsync<InvoicePostedEvent>());
    }

    // Copies the seed invoice with new ids and numbers in one statement, so the test arranges thousands quickly.
    private Task SeedScheduledCopiesAsync(string seedNumber, int copies)
    {
        var id = Dialect == SqlDialect.Postgres ? "gen_random_uuid()" : "lower(hex(randomblob(16)))";
        return Portal.ExecuteAsync($"""
            with recursive n(i) as (select 1 union all select i + 1 from n where i < @Copies)
            insert into invoicing_invoices (id, account_id, invoice_number, invoice_date, due_date, status, post_at, posted_at,
                allow_partial_payment, total_minor, total_currency, balance_minor, held_minor, created_at)
            select {id}, account_id, 'COPY-' || n.i, invoice_date, due_date, status, post_at, posted_at,
                allow_partial_payment, total_minor, total_currency, balance_minor, held_minor, created_at
            from invoicing_invoices, n where invoice_number = @SeedNumber
            """, new { Copies = copies, SeedNumber = seedNumber });
    }
}

public sealed class PostDueInvoicesTestsOnSqlite() : PostDueInvoicesTests(SqlDialect.Sqlite);

public sealed class PostDueInvoicesTestsOnPostgres() : PostDueInvoicesTests(SqlDialect.Postgres), IPostgresTest;
