using System.Net;
using System.Text;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Identity;

/// <summary>Requests that reach the host through the same proxy, from different clients.</summary>
internal static class ThroughProxy
{
    public static HttpClient Client(PortalWebFactory factory, string proxy, string baseAddress = "http://localhost/") =>
        new(factory.Server.CreateHandler(http => http.Connection.RemoteIpAddress = IPAddress.Parse(proxy))) { BaseAddress = new Uri(baseAddress) };

    public static async Task<int> LoginAsync(PortalWebFactory factory, string proxy, string? client)
    {
        using var http = Client(factory, proxy);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = new StringContent("""{"userId":"nobody","password":"Wrong-Password-1"}""", Encoding.UTF8, "application/json"),
        };
        if (client is not null)
            request.Headers.Add("X-Forwarded-For", client);
        return (int)(await http.SendAsync(request)).StatusCode;
    }
}

public sealed class ProxyHttpTests() : HttpTest(SqlDialect.Sqlite)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:AuthPerMinute"] = "2", ["Portal:KnownProxies"] = "10.0.0.5", ["Portal:KnownNetworks"] = "192.168.10.0/24",
        // The user-ID lockout would answer 429 on its own after five failures; this test is about the per-client limiter.
        ["Identity:MaxFailedLogins"] = "1000",
    };

    [DbFact]
    public async Task Auth_limiter_behind_a_known_proxy_keys_on_each_real_client()
    {
        var first = new[] { await ThroughProxy.LoginAsync(Factory, "10.0.0.5", "203.0.113.1"), await ThroughProxy.LoginAsync(Factory, "10.0.0.5", "203.0.113.1") };
        var third = await ThroughProxy.LoginAsync(Factory, "10.0.0.5", "203.0.113.1");
        var otherClient = await ThroughProxy.LoginAsync(Factory, "10.0.0.5", "203.0.113.2");
        var viaNetwork = await ThroughProxy.LoginAsync(Factory, "192.168.10.7", "203.0.113.3");

        Assert.Equal([401, 401], first);
        Assert.Equal(429, third);
        Assert.Equal(401, otherClient);
        Assert.Equal(401, viaNetwork);
    }

    [DbFact]
    public async Task Auth_limiter_ignores_forwarded_headers_from_an_unknown_address()
    {
        await ThroughProxy.LoginAsync(Factory, "198.51.100.9", "203.0.113.10");
        await ThroughProxy.LoginAsync(Factory, "198.51.100.9", "203.0.113.11");

        var spoofed = await ThroughProxy.LoginAsync(Factory, "198.51.100.9", "203.0.113.12");

        Assert.Equal(429, spoofed);
    }
}

public sealed class ProxyOffByDefaultHttpTests() : HttpTest(SqlDialect.Sqlite)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:AuthPerMinute"] = "2", ["Identity:MaxFailedLogins"] = "1000",
    };

    [DbFact]
    public async Task Forwarded_headers_are_ignored_unless_proxies_are_configured()
    {
        await ThroughProxy.LoginAsync(Factory, "10.0.0.5", "203.0.113.1");
        await ThroughProxy.LoginAsync(Factory, "10.0.0.5", "203.0.113.2");

        var third = await ThroughProxy.LoginAsync(Factory, "10.0.0.5", "203.0.113.3");

        Assert.Equal(429, third);
    }
}

public sealed class HstsHttpTests
{
    [DbFact]
    public async Task Https_responses_outside_development_carry_hsts_and_development_ones_do_not()
    {
        await using var database = await TestDatabase.CreateAsync(SqlDialect.Sqlite);
        await using var production = new PortalWebFactory(database, new Dictionary<string, string?>
        {
            ["environment"] = "Production", ["Payments:Adyen:AllowEmulator"] = "true",
        });
        await using var development = new PortalWebFactory(database);

        var secure = await ThroughProxy.Client(production, "203.0.113.1", "https://portal.example/").GetAsync("/health");
        var plain = await ThroughProxy.Client(production, "203.0.113.1", "http://portal.example/").GetAsync("/health");
        var dev = await ThroughProxy.Client(development, "203.0.113.1", "https://portal.example/").GetAsync("/health");

        Assert.StartsWith("max-age=", string.Join(",", secure.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.False(dev.Headers.Contains("Strict-Transport-Security"));
    }
}
