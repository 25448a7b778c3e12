namespace Portal.IntegrationTests.Infrastructure;

/// <summary>What this machine offers the tests. In CI, PostgreSQL and the browser are required: their absence fails.</summary>
public static class TestEnvironment
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool PostgresRequired => IsCi || Environment.GetEnvironmentVariable("PORTAL_REQUIRE_POSTGRES") == "1";

    public static bool BrowserRequired => IsCi || Environment.GetEnvironmentVariable("PORTAL_REQUIRE_BROWSER") == "1";

    public static string? PostgresSkipReason =>
        !PostgresRequired && PostgresCluster.UnavailableReason() is { } reason
            ? $"PostgreSQL is not available here ({reason}); CI installs it and requires these tests."
            : null;

    public static string? BrowserSkipReason =>
        !BrowserRequired && !File.Exists(ChromiumPath)
            ? $"Chromium is not installed at {ChromiumPath} (apt-get install chromium); CI installs it and requires these tests."
            : null;
}

/// <summary>Marks a test class that runs against PostgreSQL.</summary>
public interface IPostgresTest;

/// <summary>Marks a test class that drives Chromium.</summary>
public interface IBrowserTest;

/// <summary>One throwaway PostgreSQL cluster per test run, started on first use and stopped when the process exits.</summary>
public static class SharedPostgres
{
    private static readonly Lazy<Task<PostgresCluster>> Cluster = new(() => PostgresCluster.StartAsync());

    public static async Task<string> CreateDatabaseAsync() => await (await Cluster.Value).CreateDatabaseAsync();
}
