using System.Data.Common;
using Dapper;

namespace Portal.BuildingBlocks.Data;

internal sealed class Database(ConnectionFactory factory) : IDatabase, IAsyncDisposable
{
    private DbConnection? connection;

    public SqlDialect Dialect => factory.Dialect;

    public DbTransaction? Transaction { get; private set; }

    public bool InTransaction => Transaction is not null;

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? param = null, CancellationToken ct = default)
    {
        var db = await GetConnectionAsync(ct);
        return (await db.QueryAsync<T>(Command(sql, param, ct))).AsList();
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? param = null, CancellationToken ct = default)
    {
        var db = await GetConnectionAsync(ct);
        return await db.QuerySingleOrDefaultAsync<T>(Command(sql, param, ct));
    }

    public async Task<int> ExecuteAsync(string sql, object? param = null, CancellationToken ct = default)
    {
        var db = await GetConnectionAsync(ct);
        return await db.ExecuteAsync(Command(sql, param, ct));
    }

    public async Task<T?> ExecuteScalarAsync<T>(string sql, object? param = null, CancellationToken ct = default)
    {
        var db = await GetConnectionAsync(ct);
        return await db.ExecuteScalarAsync<T>(Command(sql, param, ct));
    }

    public async Task<DbConnection> GetConnectionAsync(CancellationToken ct = default) =>
        connection ??= await factory.OpenAsync(ct);

    public async Task BeginTransactionAsync(CancellationToken ct = default)
    {
        if (Transaction is not null)
            throw new InvalidOperationException("A transaction is already open in this scope.");
        var db = await GetConnectionAsync(ct);
        // On SQLite this is BEGIN IMMEDIATE: the writer lock is taken up front, so two writers queue instead of deadlocking.
        Transaction = await db.BeginTransactionAsync(ct);
    }

    public async Task CommitAsync(CancellationToken ct = default)
    {
        var transaction = Transaction ?? throw new InvalidOperationException("No transaction is open.");
        Transaction = null;
        await transaction.CommitAsync(ct);
        await transaction.DisposeAsync();
    }

    public async Task RollbackAsync(CancellationToken ct = default)
    {
        var transaction = Transaction;
        if (transaction is null)
            return;
        Transaction = null;
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        finally
        {
            await transaction.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await RollbackAsync();
        if (connection is not null)
            await connection.DisposeAsync();
        connection = null;
    }

    private CommandDefinition Command(string sql, object? param, CancellationToken ct) =>
        new(sql, param, Transaction, cancellationToken: ct);
}
