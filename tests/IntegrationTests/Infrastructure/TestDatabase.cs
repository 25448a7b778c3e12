using Microsoft.Data.Sqlite;
using Portal.BuildingBlocks.Data;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>A fresh, empty database of one dialect: a temp SQLite file or a new database in the shared cluster.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? sqliteFile;

    private TestDatabase(SqlDialect dialect, string connectionString, string? sqliteFile)
    {
        Dialect = dialect;
        ConnectionString = connectionString;
        this.sqliteFile = sqliteFile;
    }

    public SqlDialect Dialect { get; }

    public string Provider => Dialect == SqlDialect.Postgres ? "postgres" : "sqlite";

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(SqlDialect dialect)
    {
        if (dialect == SqlDialect.Postgres)
            return new TestDatabase(dialect, await SharedPostgres.CreateDatabaseAsync(), null);
        var file = Path.Combine(Path.GetTempPath(), $"portal-test-{Guid.NewGuid():N}.db");
        return new TestDatabase(dialect, $"Data Source={file};Pooling=True", file);
    }

    public Dictionary<string, string?> Settings() => new()
    {
        ["Database:Provider"] = Provider,
        ["ConnectionStrings:Portal"] = ConnectionString,
    };

    public ValueTask DisposeAsync()
    {
        // Idle pooled connections to a finished test's database would pile up in the shared cluster until it refuses clients.
        if (Dialect == SqlDialect.Postgres)
            Npgsql.NpgsqlConnection.ClearAllPools();
        if (sqliteFile is not null)
        {
            using (var connection = new SqliteConnection(ConnectionString))
                SqliteConnection.ClearPool(connection);
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(sqliteFile + suffix);
        }
        return ValueTask.CompletedTask;
    }
}
