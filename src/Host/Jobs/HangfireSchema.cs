using Hangfire.PostgreSql;
using Npgsql;
using Portal.BuildingBlocks.Data;

namespace Portal.Host.Jobs;

/// <summary>
/// Installs or upgrades Hangfire's PostgreSQL schema as part of our migration step. Its installer takes no lock, so two
/// hosts starting at once on an empty database race; under the migrator's advisory lock they take turns instead.
/// </summary>
internal sealed class HangfireSchema(ConnectionFactory database, ILogger<HangfireSchema> logger)
{
    public async Task InstallAsync(CancellationToken ct)
    {
        if (database.Dialect != SqlDialect.Postgres)
            return;
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var take = new NpgsqlCommand("select pg_advisory_lock(@Key)", connection))
        {
            take.Parameters.AddWithValue("Key", Migrator.AdvisoryLockKey);
            take.CommandTimeout = 600;
            await take.ExecuteNonQueryAsync(ct);
        }
        try
        {
            PostgreSqlObjectsInstaller.Install(connection, HangfireSetup.SchemaName);
            logger.LogInformation("Hangfire schema {Schema} is up to date", HangfireSetup.SchemaName);
        }
        finally
        {
            await using var release = new NpgsqlCommand("select pg_advisory_unlock(@Key)", connection);
            release.Parameters.AddWithValue("Key", Migrator.AdvisoryLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
