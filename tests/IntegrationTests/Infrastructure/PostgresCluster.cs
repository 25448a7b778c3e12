using System.Text.RegularExpressions;
using Npgsql;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>A throwaway PostgreSQL cluster in a temp directory, listening on 127.0.0.1 on a free port.</summary>
public sealed partial class PostgresCluster : IAsyncDisposable
{
    private readonly PgDataDirectory directory;
    private readonly List<string> issuedConnectionStrings = [];
    private PgWatchdog? watchdog;
    private int disposed;

    private PostgresCluster(PgDataDirectory directory, int port)
    {
        this.directory = directory;
        Port = port;
        ConnectionString = BuildConnectionString("postgres");
        issuedConnectionStrings.Add(ConnectionString);
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public int Port { get; }

    public string ConnectionString { get; }

    public string DataDirectory => directory.DataDirectory;

    public string RootDirectory => directory.Root;

    /// <summary>Null when a cluster can be started on this machine, else why not.</summary>
    public static string? UnavailableReason()
    {
        PgBinaries.TryFind(out var reason);
        return reason;
    }

    public static Task<PostgresCluster> StartAsync(CancellationToken ct = default)
    {
        var binaries = PgBinaries.TryFind(out var reason)
            ?? throw new InvalidOperationException("PostgreSQL is not available: " + reason);
        return StartAsync(binaries, PgHost.PickFreePort, ct);
    }

    internal static async Task<PostgresCluster> StartAsync(PgBinaries binaries, Func<int> pickPort, CancellationToken ct)
    {
        var directory = await PgDataDirectory.CreateAsync(binaries, ct).ConfigureAwait(false);
        try
        {
            await directory.InitDbAsync(ct).ConfigureAwait(false);
            const int maxAttempts = 5;
            for (var attempt = 1; ; attempt++)
            {
                var port = pickPort();
                var result = await directory.StartServerAsync(port, ct).ConfigureAwait(false);
                if (result.Succeeded)
                {
                    var cluster = new PostgresCluster(directory, port);
                    cluster.watchdog = PgWatchdog.TryStart(binaries, directory);
                    return cluster;
                }

                var log = directory.ReadLogTail();
                // The port was free when picked but another process may have bound it before postgres did.
                if (attempt < maxAttempts && PortCollision().IsMatch(log))
                {
                    directory.ResetLog();
                    continue;
                }

                throw new InvalidOperationException(
                    $"PostgreSQL failed to start on port {port} (attempt {attempt}).\npg_ctl: {result.Output}\nServer log tail:\n{log}");
            }
        }
        catch
        {
            await directory.StopServerAsync(CancellationToken.None).ConfigureAwait(false);
            directory.Delete();
            throw;
        }
    }

    /// <summary>Creates a fresh database and returns a connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        name ??= "db_" + Guid.NewGuid().ToString("N")[..16];
        if (!SafeIdentifier().IsMatch(name))
        {
            throw new ArgumentException($"Database name '{name}' must match {SafeIdentifier()}.", nameof(name));
        }

        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            // template0: template1 cannot be copied while anyone else is connected to it.
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        var connectionString = BuildConnectionString(name);
        lock (issuedConnectionStrings)
        {
            issuedConnectionStrings.Add(connectionString);
        }

        return connectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        ClearPools();
        await directory.StopServerAsync(CancellationToken.None).ConfigureAwait(false);
        directory.Delete();
        watchdog?.Release();
    }

    /// <summary>Simulates the test host dying: the watchdog alone must stop the server and delete the directory.</summary>
    internal void ReleaseWatchdogForTests() => watchdog?.Release();

    private void OnProcessExit(object? sender, EventArgs e) => DisposeAsync().AsTask().GetAwaiter().GetResult();

    // Idle pooled connections to a stopped server would otherwise surface as errors in a later test using the same string.
    private void ClearPools()
    {
        lock (issuedConnectionStrings)
        {
            foreach (var connectionString in issuedConnectionStrings)
            {
                using var connection = new NpgsqlConnection(connectionString);
                NpgsqlConnection.ClearPool(connection);
            }
        }
    }

    private string BuildConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        Pooling = true,
    }.ConnectionString;

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SafeIdentifier();

    [GeneratedRegex("Address already in use")]
    private static partial Regex PortCollision();
}
