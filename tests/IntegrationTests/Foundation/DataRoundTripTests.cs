using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Foundation;

/// <summary>The same SQL and the same row types give the same values on both engines.</summary>
public abstract class DataRoundTripTests(SqlDialect dialect) : IntegrationTest(dialect)
{
    [DbFact]
    public async Task Values_written_and_read_back_are_equal_on_both_engines()
    {
        await CreateTableAsync();
        var row = new Row
        {
            Id = Guid.CreateVersion7(),
            At = new DateTimeOffset(2026, 3, 2, 15, 4, 5, 123, TimeSpan.Zero).AddTicks(4567),
            Day = new DateOnly(2026, 2, 28),
            AmountMinor = 1234567890123,
            AmountCurrency = "USD",
            Flag = true,
            Quantity = 2.125m,
            Note = null,
        };

        await Portal.ExecuteAsync(
            "insert into probe_values (id, at, day, amount_minor, amount_currency, flag, quantity, note) values (@Id, @At, @Day, @AmountMinor, @AmountCurrency, @Flag, @Quantity, @Note)",
            row);
        var read = (await Portal.QueryAsync<Row>("select * from probe_values where id = @Id", new { row.Id })).Single();

        // Both engines keep instants to the microsecond.
        Assert.Equal(row with { At = row.At.AddTicks(-7) }, read);
    }

    [DbFact]
    public async Task Instants_compare_in_time_order_in_sql()
    {
        await CreateTableAsync();
        var early = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        foreach (var (id, at) in new[] { (Guid.NewGuid(), early.AddMinutes(30)), (Guid.NewGuid(), early.AddTicks(5)), (Guid.NewGuid(), early.AddDays(1)) })
            await Portal.ExecuteAsync("insert into probe_values (id, at, day, amount_minor, amount_currency, flag, quantity) values (@Id, @At, '2026-01-01', 0, 'USD', false, 0)", new { Id = id, At = at });

        var later = await Portal.QueryAsync<DateTimeOffset>("select at from probe_values where at > @Early order by at", new { Early = early.AddTicks(5) });

        Assert.Equal([early.AddMinutes(30), early.AddDays(1)], later);
    }

    private Task CreateTableAsync() => Portal.ExecuteAsync(Dialect == SqlDialect.Postgres
        ? "create table probe_values (id uuid primary key, at timestamptz not null, day date not null, amount_minor bigint not null, amount_currency text not null, flag boolean not null, quantity numeric(18,4) not null, note text null)"
        : "create table probe_values (id text primary key, at text not null, day text not null, amount_minor integer not null, amount_currency text not null, flag integer not null, quantity numeric not null, note text null)");

    private sealed record Row
    {
        public Guid Id { get; init; }
        public DateTimeOffset At { get; init; }
        public DateOnly Day { get; init; }
        public long AmountMinor { get; init; }
        public string AmountCurrency { get; init; } = "";
        public bool Flag { get; init; }
        public decimal Quantity { get; init; }
        public string? Note { get; init; }
    }
}

public sealed class DataRoundTripTestsOnSqlite() : DataRoundTripTests(SqlDialect.Sqlite);

public sealed class DataRoundTripTestsOnPostgres() : DataRoundTripTests(SqlDialect.Postgres), IPostgresTest;
