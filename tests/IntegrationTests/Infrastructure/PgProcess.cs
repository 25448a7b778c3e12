using System.Diagnostics;

namespace Portal.IntegrationTests.Infrastructure;

internal sealed record PgProcessResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs one PostgreSQL tool to completion, as the postgres user when the binaries require it.</summary>
internal static class PgProcess
{
    // Variables that would silently redirect pg_ctl/initdb to another cluster or change their behaviour.
    private static readonly string[] ScrubbedVariables =
        ["PGDATA", "PGHOST", "PGHOSTADDR", "PGPORT", "PGUSER", "PGDATABASE", "PGOPTIONS", "PGPASSWORD", "PGSERVICE", "PGCTLTIMEOUT"];

    public static Task<PgProcessResult> RunAsync(
        PgBinaries binaries,
        string tool,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        CancellationToken ct)
    {
        var startInfo = CreateStartInfo(binaries, tool, arguments, workingDirectory);
        return ExecAsync(startInfo, timeout, ct);
    }

    public static Task<PgProcessResult> RunCommandAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo(fileName, arguments) { UseShellExecute = false };
        return ExecAsync(startInfo, timeout, ct);
    }

    public static ProcessStartInfo CreateStartInfo(PgBinaries binaries, string tool, IEnumerable<string> arguments, string workingDirectory)
    {
        var toolPath = binaries.Tool(tool);
        var startInfo = new ProcessStartInfo
        {
            FileName = binaries.RunAsWrapper ?? toolPath,
            // The caller's cwd may be unreadable for the postgres user (e.g. under /root), which initdb warns about.
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
        };
        var wrapperArguments = binaries.RunAsWrapper is null ? [] : binaries.WrapperArguments(toolPath);
        foreach (var arg in wrapperArguments.Concat(arguments))
        {
            startInfo.ArgumentList.Add(arg);
        }

        foreach (var name in ScrubbedVariables)
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["LC_ALL"] = "C";
        return startInfo;
    }

    private static async Task<PgProcessResult> ExecAsync(ProcessStartInfo startInfo, TimeSpan timeout, CancellationToken ct)
    {
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardInput = true;
        using var process = new Process { StartInfo = startInfo };
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {startInfo.FileName}");
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutCts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutCts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            TryKill(process);
            if (ct.IsCancellationRequested)
            {
                throw;
            }

            throw new TimeoutException($"Command did not finish within {timeout.TotalSeconds:0}s: {Describe(startInfo)}");
        }

        var output = (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false));
        return new PgProcessResult(process.ExitCode, output.Trim());
    }

    private static string Describe(ProcessStartInfo startInfo) =>
        string.Join(' ', new[] { startInfo.FileName }.Concat(startInfo.ArgumentList));

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
