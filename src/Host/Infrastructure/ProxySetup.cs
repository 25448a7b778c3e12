using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Portal.Host.Infrastructure;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy's address, so per-client limits would share one bucket.
/// Forwarded headers are honoured only from the proxies named in Portal:KnownProxies or Portal:KnownNetworks (comma-separated);
/// with neither set they are ignored, so a client cannot pick its own address.
/// </summary>
internal static class ProxySetup
{
    public static IServiceCollection AddPortalProxies(this IServiceCollection services, IConfiguration config)
    {
        var proxies = List(config["Portal:KnownProxies"]).Select(value => IPAddress.TryParse(value, out var address)
            ? address : throw new InvalidOperationException($"Portal:KnownProxies: '{value}' is not an IP address.")).ToList();
        var networks = List(config["Portal:KnownNetworks"]).Select(value => System.Net.IPNetwork.TryParse(value, out var network)
            ? network : throw new InvalidOperationException($"Portal:KnownNetworks: '{value}' is not a network like 10.0.0.0/8.")).ToList();
        return services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                o.KnownProxies.Add(proxy);
            foreach (var network in networks)
                o.KnownIPNetworks.Add(network);
        });
    }

    public static IApplicationBuilder UsePortalProxies(this IApplicationBuilder app, IConfiguration config) =>
        List(config["Portal:KnownProxies"]).Count + List(config["Portal:KnownNetworks"]).Count == 0 ? app : app.UseForwardedHeaders();

    private static List<string> List(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
