using System.Diagnostics;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// A detached shell that stops the cluster and removes its directory once our end of its stdin pipe closes.
/// The kernel closes that pipe however this process dies (even SIGKILL, where ProcessExit never runs),
/// so a crashed or killed test host does not leave a postgres behind.
/// </summary>
internal sealed class PgWatchdog
{
    private readonly Process process;
    private int released;

    private PgWatchdog(Process process) => this.process = process;

    public static PgWatchdog? TryStart(PgBinaries binaries, PgDataDirectory directory)
    {
        var stop = PgProcess.CreateStartInfo(binaries, "pg_ctl", ["stop", "-D", directory.DataDirectory, "-m", "immediate", "-w"], directory.Root);
        var stopCommand = string.Join(' ', new[] { stop.FileName }.Concat(stop.ArgumentList).Select(Quote));
        var script = $"exec >/dev/null 2>&1; cat; cd /; LC_ALL=C {stopCommand}; rm -rf {Quote(directory.Root)}";

        // setsid -f detaches the shell so a process-tree kill of the test host does not take the watchdog with it.
        var setsid = PgBinaries.FindOnPath("setsid");
        var startInfo = setsid is null
            ? new ProcessStartInfo("/bin/sh", ["-c", script])
            : new ProcessStartInfo(setsid, ["-f", "/bin/sh", "-c", script]);
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        foreach (var name in new[] { "PGDATA", "PGPORT", "PGHOST", "PGCTLTIMEOUT" })
        {
            startInfo.Environment.Remove(name);
        }

        try
        {
            var process = Process.Start(startInfo);
            return process is null ? null : new PgWatchdog(process);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            // Best effort only: DisposeAsync and ProcessExit still stop the cluster.
            return null;
        }
    }

    /// <summary>Lets the watchdog run its cleanup now (a no-op if the cluster is already stopped and deleted).</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref released, 1) != 0)
        {
            return;
        }

        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The watchdog already exited.
        }

        process.Dispose();
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
