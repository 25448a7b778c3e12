using System.Diagnostics;
using Dapper;
using Npgsql;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Cli;

/// <summary>`migrate` on PostgreSQL also installs Hangfire's schema, so hosts started afterwards find it ready, and drops the old scheduler's tables.</summary>
public sealed class CliOnPostgresTestsOnPostgres : IPostgresTest
{
    [DbFact]
    public async Task Migrate_on_postgres_installs_the_hangfire_schema_and_drops_the_old_job_tables()
    {
        await using var database = await TestDatabase.CreateAsync(SqlDialect.Postgres);
        await using (var before = new NpgsqlConnection(database.ConnectionString))
            await before.ExecuteAsync("create table qrtz_job_details (sched_name text primary key); create table qrtz_locks (sched_name text, lock_name text)");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add("migrate");
        start.ArgumentList.Add("--Database:Provider=postgres");
        start.ArgumentList.Add($"--ConnectionStrings:Portal={database.ConnectionString}");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();

        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);

        Assert.True(process.ExitCode == 0, await output + await error);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        Assert.True(await connection.ExecuteScalarAsync<int>("select version from hangfire.schema") > 0);
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("select count(*) from information_schema.tables where table_name like 'qrtz%'"));
    }
}
