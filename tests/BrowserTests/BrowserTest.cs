using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.BrowserTests;

/// <summary>
/// Runs the real Host on a loopback port (SQLite, manual clock, mail in a temp folder) and drives it with the
/// machine's Chromium through Playwright. Each test gets a fresh portal and a fresh browser context.
/// </summary>
public abstract class BrowserTest : IAsyncLifetime, IBrowserTest
{
    private TestDatabase? database;
    private IBrowserContext? context;

    protected PortalWebFactory Portal { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    protected string BaseUrl { get; private set; } = "";

    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Starts what the host needs outside itself (an outside emulator, say) before the host reads Settings.</summary>
    protected virtual Task BeforeHostStartsAsync() => Task.CompletedTask;

    protected virtual ValueTask AfterHostStopsAsync() => ValueTask.CompletedTask;

    public async Task InitializeAsync()
    {
        await BeforeHostStartsAsync();
        database = await TestDatabase.CreateAsync(SqlDialect.Sqlite);
        Portal = new PortalWebFactory(database, Settings);
        Portal.UseKestrel(0);
        Portal.StartServer();
        BaseUrl = Portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var browser = await SharedBrowser.GetAsync();
        context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        Page = await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (context is not null)
            await context.DisposeAsync();
        await Portal.DisposeAsync();
        if (database is not null)
            await database.DisposeAsync();
        await AfterHostStopsAsync();
    }
}

/// <summary>One Chromium for the whole run; tests isolate themselves with their own contexts.</summary>
internal static class SharedBrowser
{
    private static readonly Lazy<Task<IBrowser>> Browser = new(LaunchAsync);

    public static Task<IBrowser> GetAsync() => Browser.Value;

    private static async Task<IBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            // Root in a container needs no sandbox; the closed network here refuses Chromium's background calls.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }
}
