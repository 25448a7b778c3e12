using System.Runtime.InteropServices;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>Locates the PostgreSQL server binaries and decides how to run them (directly, or as the postgres user when root).</summary>
internal sealed class PgBinaries
{
    public const string BinDirVariable = "PORTAL_PG_BIN";
    public const string ServiceUser = "postgres";

    private PgBinaries(string binDirectory, string? runAsWrapper)
    {
        BinDirectory = binDirectory;
        RunAsWrapper = runAsWrapper;
    }

    public string BinDirectory { get; }

    /// <summary>runuser or setpriv when the current user is root (initdb and pg_ctl refuse to run as root), else null.</summary>
    public string? RunAsWrapper { get; }

    public bool RunsAsServiceUser => RunAsWrapper is not null;

    public string Tool(string name) => Path.Combine(BinDirectory, name);

    public static PgBinaries? TryFind(out string? unavailableReason) =>
        TryFind(Environment.GetEnvironmentVariable(BinDirVariable), out unavailableReason);

    public static PgBinaries? TryFind(string? explicitBinDir, out string? unavailableReason)
    {
        if (OperatingSystem.IsWindows())
        {
            unavailableReason = "the throwaway PostgreSQL cluster is only supported on Linux and macOS";
            return null;
        }

        var binDir = FindBinDirectory(explicitBinDir, out unavailableReason);
        if (binDir is null)
        {
            return null;
        }

        if (!IsRoot())
        {
            return new PgBinaries(binDir, null);
        }

        if (!ServiceUserExists())
        {
            unavailableReason = $"running as root, but there is no '{ServiceUser}' OS user to run PostgreSQL as (initdb refuses to run as root)";
            return null;
        }

        var wrapper = FindOnPath("runuser") ?? FindOnPath("setpriv");
        if (wrapper is null)
        {
            unavailableReason = "running as root, but neither runuser nor setpriv was found to drop privileges to the postgres user";
            return null;
        }

        return new PgBinaries(binDir, wrapper);
    }

    /// <summary>Arguments that make <see cref="RunAsWrapper"/> execute <paramref name="tool"/> as the postgres user.</summary>
    public IEnumerable<string> WrapperArguments(string tool) =>
        Path.GetFileName(RunAsWrapper) == "runuser"
            ? ["-u", ServiceUser, "--", tool]
            : ["--reuid=" + ServiceUser, "--regid=" + ServiceUser, "--init-groups", "--", tool];

    private static string? FindBinDirectory(string? explicitBinDir, out string? reason)
    {
        reason = null;
        if (!string.IsNullOrWhiteSpace(explicitBinDir))
        {
            if (HasServerTools(explicitBinDir))
            {
                return explicitBinDir;
            }

            reason = $"{BinDirVariable}='{explicitBinDir}' does not contain initdb and pg_ctl";
            return null;
        }

        var versioned = FindDebianVersionedBinDirectory();
        if (versioned is not null)
        {
            return versioned;
        }

        var pgCtl = FindOnPath("pg_ctl");
        if (pgCtl is not null)
        {
            // Debian only symlinks pg_ctl into PATH; initdb lives next to the link's real target.
            var target = File.ResolveLinkTarget(pgCtl, returnFinalTarget: true)?.FullName ?? pgCtl;
            var dir = Path.GetDirectoryName(target);
            if (dir is not null && HasServerTools(dir))
            {
                return dir;
            }

            reason = $"pg_ctl found at '{pgCtl}', but no initdb next to it (set {BinDirVariable} to the PostgreSQL bin directory)";
            return null;
        }

        reason = $"PostgreSQL binaries not found: set {BinDirVariable}, install a server under /usr/lib/postgresql/<version>/bin, or put pg_ctl on PATH";
        return null;
    }

    private static string? FindDebianVersionedBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.EnumerateDirectories(root)
            .Select(dir => (dir, version: Version.TryParse(AsVersion(Path.GetFileName(dir)), out var v) ? v : null))
            .Where(x => x.version is not null && HasServerTools(Path.Combine(x.dir, "bin")))
            .OrderByDescending(x => x.version)
            .Select(x => Path.Combine(x.dir, "bin"))
            .FirstOrDefault();
    }

    // "15" is not a valid System.Version, "15.0" is; older layouts use "9.6".
    private static string AsVersion(string name) => name.Contains('.') ? name : name + ".0";

    private static bool HasServerTools(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));

    public static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        // sbin is often missing from a non-login root PATH, and runuser lives there.
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"])
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }

    private static bool ServiceUserExists() =>
        File.Exists("/etc/passwd")
        && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(ServiceUser + ":", StringComparison.Ordinal));

    public static bool IsRoot() => !OperatingSystem.IsWindows() && NativeMethods.geteuid() == 0;

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = false)]
        public static extern uint geteuid();
    }
}
