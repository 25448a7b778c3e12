using System.Data.Common;
using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Portal.BuildingBlocks.Data;

/// <summary>A set of ordered SQL scripts embedded in one assembly, one folder per dialect.</summary>
public sealed record MigrationSource(string Module, Assembly Assembly);

/// <summary>
/// Applies every source's scripts in order, each in its own transaction with its version row.
/// Safe when several hosts start at once: PostgreSQL serialises on an advisory lock, SQLite on its writer lock,
/// and each script re-checks its version inside the transaction.
/// </summary>
public sealed class Migrator(ConnectionFactory factory, IEnumerable<MigrationSource> sources, TimeProvider clock, ILogger<Migrator> logger)
{
    /// <summary>The PostgreSQL advisory lock every schema change takes, ours and the job storage's alike.</summary>
    public const long AdvisoryLockKey = 0x506F7274616C; // "Portal"

    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        await using var connection = await factory.OpenAsync(ct);
        await EnsureVersionTableAsync(connection, ct);
        var applied = 0;
        foreach (var source in sources)
            foreach (var script in Scripts(source))
                if (await ApplyAsync(connection, source.Module, script, ct))
                    applied++;
        if (applied > 0)
            logger.LogInformation("Applied {Count} migration scripts", applied);
        return applied;
    }

    public IReadOnlyList<MigrationScript> Scripts(MigrationSource source)
    {
        var prefix = $"migrations/{(factory.Dialect == SqlDialect.Postgres ? "postgres" : "sqlite")}/";
        var scripts = source.Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => MigrationScript.From(source.Assembly, name, name[prefix.Length..]))
            .OrderBy(script => script.Version)
            .ToList();
        // Two scripts with one number would have the second skipped as "already applied"; refuse to start instead.
        if (scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1) is { } clash)
            throw new InvalidOperationException($"{source.Module} has two migrations numbered {clash.Key}: {string.Join(", ", clash.Select(s => s.Name))}.");
        return scripts;
    }

    private async Task EnsureVersionTableAsync(DbConnection connection, CancellationToken ct)
    {
        var timestamp = factory.Dialect == SqlDialect.Postgres ? "timestamptz" : "text";
        var sql = $"""
            create table if not exists schema_versions (
                module text not null,
                version integer not null,
                name text not null,
                applied_at {timestamp} not null,
                primary key (module, version))
            """;
        if (factory.Dialect == SqlDialect.Postgres)
        {
            // Two hosts creating the table at once can still collide in the catalog; the lock prevents it.
            await using var tx = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(@Key)", new { Key = AdvisoryLockKey }, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(sql, transaction: tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }
        else
            await connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: ct));
    }

    private async Task<bool> ApplyAsync(DbConnection connection, string module, MigrationScript script, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (factory.Dialect == SqlDialect.Postgres)
            await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(@Key)", new { Key = AdvisoryLockKey }, tx, cancellationToken: ct));
        var done = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "select count(*) from schema_versions where module = @Module and version = @Version",
            new { Module = module, script.Version }, tx, cancellationToken: ct));
        if (done > 0)
            return false;
        await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: tx, cancellationToken: ct, commandTimeout: 600));
        await connection.ExecuteAsync(new CommandDefinition(
            "insert into schema_versions (module, version, name, applied_at) values (@Module, @Version, @Name, @AppliedAt)",
            new { Module = module, script.Version, script.Name, AppliedAt = clock.GetUtcNow() }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        logger.LogInformation("Migrated {Module} to {Version} ({Name})", module, script.Version, script.Name);
        return true;
    }
}

public sealed record MigrationScript(int Version, string Name, string Sql)
{
    public static MigrationScript From(Assembly assembly, string resource, string fileName)
    {
        var underscore = fileName.IndexOf('_');
        if (underscore <= 0 || !int.TryParse(fileName[..underscore], out var version))
            throw new InvalidOperationException($"Migration '{resource}' must be named NNNN_description.sql.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new MigrationScript(version, Path.GetFileNameWithoutExtension(fileName), reader.ReadToEnd());
    }
}
