using System.Globalization;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>The temp directory of one cluster (data, unix socket, server log) and the pg_ctl/initdb calls on it.</summary>
internal sealed class PgDataDirectory
{
    private static readonly TimeSpan InitDbTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly PgBinaries binaries;

    private PgDataDirectory(PgBinaries binaries, string root)
    {
        this.binaries = binaries;
        Root = root;
    }

    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, "data");

    // Kept short: a unix socket path must fit in 107 bytes.
    public string SocketDirectory => Path.Combine(Root, "s");

    public string LogFile => Path.Combine(Root, "server.log");

    public static async Task<PgDataDirectory> CreateAsync(PgBinaries binaries, CancellationToken ct)
    {
        var root = Path.Combine(Path.GetTempPath(), "portal-pg-" + Guid.NewGuid().ToString("N")[..12]);
        PgHost.CreatePrivateDirectory(root);
        var directory = new PgDataDirectory(binaries, root);
        PgHost.CreatePrivateDirectory(directory.SocketDirectory);
        if (binaries.RunsAsServiceUser)
        {
            // .NET has no chown API; the server refuses a data directory it does not own.
            var chown = await PgProcess.RunCommandAsync(
                "chown", ["-R", $"{PgBinaries.ServiceUser}:", root], TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
            if (!chown.Succeeded)
            {
                directory.Delete();
                throw new InvalidOperationException($"chown of '{root}' to {PgBinaries.ServiceUser} failed: {chown.Output}");
            }
        }

        return directory;
    }

    public async Task InitDbAsync(CancellationToken ct)
    {
        var result = await PgProcess.RunAsync(
            binaries,
            "initdb",
            ["-D", DataDirectory, "-A", "trust", "-U", "postgres", "--encoding=UTF8", "--locale=C", "--no-sync"],
            Root,
            InitDbTimeout,
            ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"initdb failed (exit {result.ExitCode}):\n{result.Output}");
        }

        // Appended as root keeps the postgres user's ownership of the file.
        await File.AppendAllLinesAsync(
            Path.Combine(DataDirectory, "postgresql.conf"),
            [
                "",
                "# throwaway test cluster: durability traded for speed",
                "listen_addresses = '127.0.0.1'",
                $"unix_socket_directories = '{SocketDirectory.Replace("'", "''", StringComparison.Ordinal)}'",
                "max_connections = 500",
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
            ],
            ct).ConfigureAwait(false);
    }

    public Task<PgProcessResult> StartServerAsync(int port, CancellationToken ct) =>
        PgProcess.RunAsync(
            binaries,
            "pg_ctl",
            ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", ((int)StartTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                "-o", "-p " + port.ToString(CultureInfo.InvariantCulture)],
            Root,
            StartTimeout + TimeSpan.FromSeconds(15),
            ct);

    public async Task StopServerAsync(CancellationToken ct)
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return;
        }

        try
        {
            var result = await PgProcess.RunAsync(
                binaries, "pg_ctl", ["stop", "-D", DataDirectory, "-m", "immediate", "-w"], Root, StopTimeout, ct).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return;
            }
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Fall through to killing the postmaster directly.
        }

        PgHost.KillPostmaster(pidFile);
    }

    public string ReadLogTail(int lines = 40) =>
        File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(lines)) : "(no server log was written)";

    public void ResetLog() => File.Delete(LogFile);

    public void Delete()
    {
        for (var attempt = 0; attempt < 3 && Directory.Exists(Root); attempt++)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A just-stopped backend may still be removing its temp files.
                Thread.Sleep(200);
            }
        }
    }
}
