using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Cli;

/// <summary>The Host's command line, run as a real process the way an operator would.</summary>
public sealed class CliTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(SqlDialect.Sqlite);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [DbFact]
    public async Task Migrate_applies_the_schema_and_exits_zero()
    {
        var (code, output) = await RunAsync(null, "migrate");

        Assert.Equal(0, code);
        Assert.Contains("up to date", output);
        Assert.True(await CountAsync("select count(*) from schema_versions") > 0);
    }

    [DbFact]
    public async Task Create_staff_with_password_from_the_environment_creates_a_finance_user()
    {
        var (code, output) = await RunAsync("Staff-Pass-2030", "create-staff", "--user-id", "fran", "--email", "fran@provider.test", "--role", "finance");

        Assert.Equal(0, code);
        Assert.Contains("Created finance staff user 'fran'", output);
        Assert.Equal(1, await CountAsync("select count(*) from identity_users where user_id = 'fran' and staff_role = 'finance'"));
    }

    [DbFact]
    public async Task Create_staff_with_a_weak_password_or_a_bad_role_fails_with_a_reason()
    {
        var (weak, weakOutput) = await RunAsync("password", "create-staff", "--user-id", "fran", "--email", "fran@provider.test", "--role", "finance");
        var (badRole, _) = await RunAsync("Staff-Pass-2030", "create-staff", "--user-id", "fran", "--email", "fran@provider.test", "--role", "owner");

        Assert.Equal(1, weak);
        Assert.Contains("too common", weakOutput);
        Assert.Equal(2, badRole);
    }

    [DbFact]
    public async Task Create_staff_refuses_a_role_given_as_a_number()
    {
        await RunAsync(null, "migrate");

        var (one, _) = await RunAsync("Staff-Pass-2030", "create-staff", "--user-id", "fran", "--email", "fran@provider.test", "--role", "1");
        var (zero, _) = await RunAsync("Staff-Pass-2030", "create-staff", "--user-id", "fran", "--email", "fran@provider.test", "--role", "0");

        Assert.Equal([2, 2], new[] { one, zero });
        Assert.Equal(0, await CountAsync("select count(*) from identity_users where user_id = 'fran'"));
    }

    private async Task<(int Code, string Output)> RunAsync(string? password, params string[] args)
    {
        var host = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(host);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.ArgumentList.Add($"--ConnectionStrings:Portal={database.ConnectionString}");
        start.ArgumentList.Add("--Identity:HashIterations=1000");
        start.Environment["PORTAL_PASSWORD"] = password ?? "";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
        return (process.ExitCode, await output + await error);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
