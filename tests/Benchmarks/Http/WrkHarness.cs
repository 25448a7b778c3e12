using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Identity.Contracts.Invitations;
using Portal.Modules.Invoicing.Contracts.Invoices;

namespace Portal.Benchmarks.Http;

// dotnet run -c Release --project tests/Benchmarks -- wrk --db sqlite|postgres [--duration 15s] [--connections 64] [--out docs/PERFORMANCE.md]
// Starts the real Host on a loopback port over a fresh database holding one account with 10,000 posted invoices, signs a member in,
// then runs wrk against the customer invoice list and against the raw floor endpoint in the same session.
internal static class WrkHarness
{
    internal const int Invoices = 10_000;
    private const string UserId = "bench-user";
    private const string Password = "Tulip-Garden-42";

    public static async Task<int> RunAsync(string[] args)
    {
        var engine = Option(args, "--db") ?? throw new ArgumentException("--db sqlite|postgres is required.");
        var duration = Option(args, "--duration") ?? "15s";
        var connections = Option(args, "--connections") ?? "64";
        var output = Path.GetFullPath(Option(args, "--out") ?? Path.Combine(RepositoryRoot(), "docs", "PERFORMANCE.md"));
        // WebApplicationFactory looks for MvcTestingAppManifest.json (the Host's content root) in the current directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);

        await using var database = await TestDatabase.CreateAsync(BenchDatabase.Parse(engine));
        await using var root = new PortalWebFactory(database);
        await using var portal = root.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, RawInvoicesStartupFilter>()));
        var port = FreeLoopbackPort();
        portal.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        portal.StartServer();
        var baseUrl = $"http://127.0.0.1:{port}";

        var accountId = await SeedAsync(portal.Services, root.Mailbox, root.Clock.Today);
        var cookie = await LoginAsync(baseUrl);
        var portalUrl = $"{baseUrl}/api/accounts/{accountId}/invoices?limit=20";
        var rawUrl = $"{baseUrl}{RawInvoicesStartupFilter.Path}?accountId={accountId}";
        await CheckSameResponseAsync(portalUrl, rawUrl, cookie);

        // A short unrecorded run of each first, so both are measured warm (JIT, pools, page cache).
        RunWrk(portalUrl, cookie, "3s", connections);
        RunWrk(rawUrl, null, "3s", connections);
        var portalRun = RunWrk(portalUrl, cookie, duration, connections);
        var rawRun = RunWrk(rawUrl, null, duration, connections);

        var report = WrkReport.Table($"dotnet run -c Release --project tests/Benchmarks -- wrk {string.Join(' ', args)}", engine, Invoices, duration, connections, portalRun, rawRun);
        Console.WriteLine(report);
        await File.AppendAllTextAsync(output, report);
        Console.WriteLine($"Appended to {output}");
        return 0;
    }

    private static async Task<Guid> SeedAsync(IServiceProvider services, Mailbox mailbox, DateOnly today)
    {
        async Task<T> Send<T>(IRequest<T> request)
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
        }

        var accountId = await Send(new CreateAccountCommand("A-100", "Greenway HOA", "billing-a-100@example.test"));
        await Send(new CreateInvoiceCommand(accountId, "SEED", today, today.AddDays(30), null,
            [new InvoiceLineInputDto("Lawn care", 1m, Money.Dollars(4_500))]));
        await BenchDatabase.CopyInvoiceAsync(services, "SEED", Invoices - 1);
        await BenchDatabase.AnalyzeIfPostgresAsync(services);

        var email = $"{UserId}@example.test";
        await Send(new InviteUserCommand(accountId, email, AccountRole.Accounting, null));
        var link = mailbox.To(email)[0].LinkStartingWith("http://localhost/register?token=")
            ?? throw new InvalidOperationException("The invitation email has no registration link.");
        await Send(new RegisterCommand(link.Split("token=")[1], UserId, "Bench User", Password));
        return accountId;
    }

    private static async Task<string> LoginAsync(string baseUrl)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userId = UserId, password = Password });
        response.EnsureSuccessStatusCode();
        return cookies.GetCookieHeader(new Uri(baseUrl));
    }

    // The floor is only a floor if it does the same work: same rows, same JSON.
    private static async Task CheckSameResponseAsync(string portalUrl, string rawUrl, string cookie)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, portalUrl);
        request.Headers.Add("Cookie", cookie);
        var portalResponse = await client.SendAsync(request);
        var portalBody = await portalResponse.Content.ReadAsStringAsync();
        var rawBody = await client.GetStringAsync(rawUrl);
        if (portalResponse.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"The portal list answered {(int)portalResponse.StatusCode}: {portalBody}");
        var items = JsonDocument.Parse(portalBody).RootElement.GetProperty("items").GetArrayLength();
        if (items != 20 || portalBody != rawBody)
            throw new InvalidOperationException($"Expected the same 20 invoices from both; portal {portalBody.Length} chars, raw {rawBody.Length} chars, {items} items.");
        Console.WriteLine($"Both endpoints return the same {portalBody.Length}-byte page of {items} invoices.");
    }

    private static WrkRun RunWrk(string url, string? cookie, string duration, string connections)
    {
        var load = WrkReport.LoadAverage();
        var start = new ProcessStartInfo("/usr/bin/wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-t2", $"-c{connections}", $"-d{duration}", "--latency" })
            start.ArgumentList.Add(arg);
        if (cookie is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"Cookie: {cookie}");
        }
        start.ArgumentList.Add(url);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Console.WriteLine($"$ wrk -t2 -c{connections} -d{duration} --latency {(cookie is null ? "" : "-H \"Cookie: …\" ")}{url}\n{stdout}{stderr}");
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {stderr}");
        return WrkRun.Parse(stdout, load);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
                return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
