using System.Data.Common;

namespace Portal.BuildingBlocks.Data;

/// <summary>The scope's one connection and, while a command runs, its transaction; every call passes both.</summary>
public interface IDatabase
{
    SqlDialect Dialect { get; }

    bool InTransaction { get; }

    Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? param = null, CancellationToken ct = default);

    Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? param = null, CancellationToken ct = default);

    Task<int> ExecuteAsync(string sql, object? param = null, CancellationToken ct = default);

    Task<T?> ExecuteScalarAsync<T>(string sql, object? param = null, CancellationToken ct = default);

    /// <summary>The open connection, for bulk work Dapper does not cover; use <see cref="Transaction"/> with it.</summary>
    Task<DbConnection> GetConnectionAsync(CancellationToken ct = default);

    DbTransaction? Transaction { get; }

    Task BeginTransactionAsync(CancellationToken ct = default);

    Task CommitAsync(CancellationToken ct = default);

    Task RollbackAsync(CancellationToken ct = default);
}
