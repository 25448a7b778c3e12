using Portal.IntegrationTests.Infrastructure;

namespace Portal.BrowserTests;

/// <summary>
/// A browser test that needs Leaflet in src/Host/wwwroot/lib (npm ci in src/Host, which the build runs when npm works).
/// Skipped with the reason where Leaflet or Chromium is missing, except in CI, where the test runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MapFactAttribute : FactAttribute
{
    public MapFactAttribute()
    {
        if (TestEnvironment.BrowserSkipReason is { } noBrowser)
            Skip = noBrowser;
        else if (!LeafletRequired && !File.Exists(LeafletScript))
            Skip = $"Leaflet is not installed at {LeafletScript} (npm ci in src/Host, or build with npm available); CI requires these tests.";
    }

    public static bool LeafletRequired => TestEnvironment.BrowserRequired;

    public static string LeafletScript { get; } = Path.Combine(RepositoryRoot(), "src", "Host", "wwwroot", "lib", "leaflet", "leaflet.js");

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
                return directory.FullName;
        return AppContext.BaseDirectory;
    }
}
