using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.Benchmarks;

// A fresh database of the engine a benchmark parameter names, with the Host's services and migrations.
internal static class BenchDatabase
{
    public static SqlDialect Parse(string engine) => engine switch
    {
        "sqlite" => SqlDialect.Sqlite,
        "postgres" => SqlDialect.Postgres,
        _ => throw new ArgumentException($"Unknown database '{engine}': use sqlite or postgres.", nameof(engine)),
    };

    public static async Task<PortalTestHost> StartAsync(string engine)
    {
        var database = await TestDatabase.CreateAsync(Parse(engine));
        return await PortalTestHost.StartAsync(database, settings: new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" });
    }

    public static async Task StopAsync(PortalTestHost? portal)
    {
        if (portal is null)
            return;
        await portal.DisposeAsync();
        await portal.Database.DisposeAsync();
    }

    // Copies one invoice into many with new ids and numbers in one statement, as PostDueInvoicesTests does.
    public static async Task<int> CopyInvoiceAsync(IServiceProvider services, string seedNumber, int copies)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IDatabase>();
        var id = db.Dialect == SqlDialect.Postgres ? "gen_random_uuid()" : "lower(hex(randomblob(16)))";
        return await db.ExecuteAsync($"""
            with recursive n(i) as (select 1 union all select i + 1 from n where i < @Copies)
            insert into invoicing_invoices (id, account_id, invoice_number, invoice_date, due_date, status, post_at, posted_at,
                allow_partial_payment, total_minor, total_currency, balance_minor, held_minor, created_at)
            select {id}, account_id, 'COPY-' || n.i, invoice_date, due_date, status, post_at, posted_at,
                allow_partial_payment, total_minor, total_currency, balance_minor, held_minor, created_at
            from invoicing_invoices, n
            where invoice_number = @SeedNumber
            """, new { Copies = copies, SeedNumber = seedNumber });
    }

    // Gives PostgreSQL the statistics autovacuum would gather within a minute of a bulk load. Without them the planner guesses
    // one row per account and scans and sorts all 10,000 of the account's invoices for every page. SQLite gathers none on its own, so it is left alone.
    public static async Task AnalyzeIfPostgresAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IDatabase>();
        if (db.Dialect == SqlDialect.Postgres)
            await db.ExecuteAsync("analyze invoicing_invoices");
    }
}
