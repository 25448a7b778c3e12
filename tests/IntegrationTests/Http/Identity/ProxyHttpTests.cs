using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Identity;

/// <summary>Requests that reach the host through the same proxy, from different clients.</summary>
internal static class ThroughProxy
{
    public static async Task<int> LoginAsync(PortalWebFactory factory, string proxy, string? client, string scheme = "http", string host = "localhost")
    {
        var context = await factory.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Post;
            http.Request.Scheme = scheme;
            http.Request.Host = new HostString(host);
            http.Request.Path = "/api/auth/login";
            http.Request.ContentType = "application/json";
            http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("""{"userId":"nobody","password":"Wrong-Password-1"}"""));
            http.Connection.RemoteIpAddress = IPAddress.Parse(proxy);
            if (client is not null)
                http.Request.Headers["X-Forwarded-For"] = client;
        });
        return context.Response.StatusCode;
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

        var secure = await production.Server.SendAsync(Get("https"));
        var plain = await production.Server.SendAsync(Get("http"));
        var dev = await development.Server.SendAsync(Get("https"));

        Assert.StartsWith("max-age=", secure.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Equal("", plain.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Equal("", dev.Response.Headers.StrictTransportSecurity.ToString());
    }

    private static Action<HttpContext> Get(string scheme) => http =>
    {
        http.Request.Method = HttpMethods.Get;
        http.Request.Scheme = scheme;
        http.Request.Host = new HostString("portal.example");
        http.Request.Path = "/health";
    };
}
