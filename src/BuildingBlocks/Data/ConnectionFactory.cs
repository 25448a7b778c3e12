using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Portal.BuildingBlocks.Data;

public enum SqlDialect
{
    Sqlite,
    Postgres,
}

/// <summary>Opens connections to the one configured database, with the settings each engine needs.</summary>
public sealed class ConnectionFactory : IAsyncDisposable
{
    private readonly NpgsqlDataSource? postgres;

    public ConnectionFactory(SqlDialect dialect, string connectionString)
    {
        Dialect = dialect;
        ConnectionString = connectionString;
        if (dialect == SqlDialect.Postgres)
            postgres = NpgsqlDataSource.Create(connectionString);
        else
            EnsureSqliteDirectory(connectionString);
        DapperSetup.Configure();
    }

    public SqlDialect Dialect { get; }

    public string ConnectionString { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        if (postgres is not null)
            return await postgres.OpenConnectionAsync(ct);

        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var pragma = connection.CreateCommand();
        // WAL lets readers run beside the single writer; busy_timeout makes writers queue instead of failing.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=15000;";
        await pragma.ExecuteNonQueryAsync(ct);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (postgres is not null)
            await postgres.DisposeAsync();
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.Ordinal))
            return;
        var directory = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
    }
}
