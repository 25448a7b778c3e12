using Portal.BuildingBlocks.Data;
using Portal.Host.Infrastructure;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Cli;

/// <summary>How the host starts from a shell: which settings it finds and how its console reads.</summary>
public sealed class HostStartTests : IAsyncLifetime
{
    private readonly string elsewhere = Directory.CreateTempSubdirectory("portal-cwd-").FullName;
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(SqlDialect.Sqlite);

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        Directory.Delete(elsewhere, recursive: true);
    }

    [DbFact]
    public async Task Started_from_another_folder_uses_its_own_appsettings_and_logs_json_outside_development()
    {
        await using var host = HostProcess.Start(elsewhere, "Production", Args());
        var address = await host.AddressAsync();

        using (var http = new HttpClient { BaseAddress = address })
            (await http.GetAsync("/health/live")).EnsureSuccessStatusCode();
        host.Terminate();

        Assert.Equal(0, await host.ExitCodeAsync());
        // appsettings.json puts Microsoft.AspNetCore at Warning; without it every request is logged at Information.
        Assert.DoesNotContain(host.Lines, l => l.Contains("Request starting", StringComparison.Ordinal));
        Assert.All(host.Lines.Where(l => l.Length > 0), l => Assert.StartsWith("{", l));
    }

    [DbFact]
    public async Task Started_in_development_prints_plain_lines()
    {
        await using var host = HostProcess.Start(AppContext.BaseDirectory, "Development", Args());
        await host.AddressAsync();
        host.Terminate();

        Assert.Equal(0, await host.ExitCodeAsync());
        Assert.Contains(host.Lines, l => l.Contains("info: Microsoft.Hosting.Lifetime", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Lines, l => l.StartsWith('{'));
    }

    [Fact]
    public void Content_root_is_the_install_folder_unless_the_working_directory_has_the_settings()
    {
        var install = AppContext.BaseDirectory;

        Assert.Equal(install, HostPaths.ContentRoot(elsewhere, install));
        Assert.Equal(install, HostPaths.ContentRoot(install, install));
        Assert.Equal(elsewhere, HostPaths.ContentRoot(elsewhere, elsewhere));
    }

    private IEnumerable<string> Args() =>
    [
        $"--ConnectionStrings:Portal={database.ConnectionString}", "--Identity:HashIterations=1000", "--Portal:SeedDemoData=false",
        "--Payments:Adyen:AllowEmulator=true", $"--Email:PickupDirectory={Path.Combine(elsewhere, "mail")}",
        $"--Jobsites:PhotoDirectory={Path.Combine(elsewhere, "photos")}",
    ];
}
