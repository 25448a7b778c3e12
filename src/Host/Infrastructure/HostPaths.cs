namespace Portal.Host.Infrastructure;

/// <summary>Where the host finds its appsettings.json and wwwroot.</summary>
internal static class HostPaths
{
    /// <summary>
    /// The working directory when it holds the host's settings (dotnet run, or started from the install folder),
    /// else the folder of Portal.Host.dll: started from anywhere else the host would silently run without its
    /// settings and serve pages without their CSS and scripts.
    /// </summary>
    public static string ContentRoot(string workingDirectory, string installDirectory) =>
        File.Exists(Path.Combine(workingDirectory, "appsettings.json")) || !File.Exists(Path.Combine(installDirectory, "appsettings.json"))
            ? workingDirectory
            : installDirectory;

    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        // An explicit --contentRoot or ASPNETCORE_CONTENTROOT still wins over this guess.
        ContentRootPath = HasExplicitContentRoot(args) ? null : ContentRoot(Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
    };

    private static bool HasExplicitContentRoot(string[] args) =>
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
}
