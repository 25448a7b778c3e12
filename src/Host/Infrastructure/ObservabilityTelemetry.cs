using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Portal.Host.Infrastructure;

/// <summary>
/// OpenTelemetry traces and metrics: the endpoint, the mediator pipeline, SQL (Npgsql), the processor call and the
/// outbox dispatch; the modules' business meters. OTLP when OpenTelemetry:Endpoint is set; a Prometheus scrape
/// endpoint at /metrics when OpenTelemetry:Prometheus:Enabled (default true in Development).
/// </summary>
internal static class ObservabilityTelemetry
{
    public const string MetricsPath = "/metrics";

    // One Meter per module (System.Diagnostics.Metrics, so modules need no OpenTelemetry package); the Host names them.
    public static readonly string[] Meters =
        ["Portal.Identity", "Portal.Invoicing", "Portal.Payments", "Portal.Jobsites", BuildingBlocks.Diagnostics.PortalDiagnostics.OutboxMeterName];

    public static readonly string[] ActivitySources =
    [
        BuildingBlocks.Diagnostics.PortalDiagnostics.MediatorSourceName,
        BuildingBlocks.Diagnostics.PortalDiagnostics.OutboxSourceName,
        "Portal.Payments",
    ];

    public static bool PrometheusEnabled(IConfiguration config, IHostEnvironment environment) =>
        bool.TryParse(config["OpenTelemetry:Prometheus:Enabled"], out var enabled) ? enabled : environment.IsDevelopment();

    public static WebApplicationBuilder AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var endpoint = config["OpenTelemetry:Endpoint"];
        var prometheus = PrometheusEnabled(config, builder.Environment);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(config["OpenTelemetry:ServiceName"] ?? "portal"))
            .WithMetrics(m =>
            {
                m.AddMeter(Meters).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddNpgsqlInstrumentation();
                if (prometheus)
                    m.AddPrometheusExporter();
            })
            .WithTracing(t =>
            {
                t.AddSource(ActivitySources).AddNpgsql()
                    // Health probes and scrapes every few seconds would drown the traces that matter.
                    .AddAspNetCoreInstrumentation(o => o.Filter = http =>
                        !http.Request.Path.StartsWithSegments("/health") && !http.Request.Path.StartsWithSegments(MetricsPath))
                    .AddHttpClientInstrumentation();
            });
        if (!string.IsNullOrWhiteSpace(endpoint))
            otel.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(endpoint));
        if (prometheus || !string.IsNullOrWhiteSpace(endpoint))
            builder.Services.AddHostedService<OutboxBacklogSampler>();
        return builder;
    }

    /// <summary>/metrics for staff, or for a scraper that sends OpenTelemetry:Prometheus:ScrapeToken as a bearer token.</summary>
    public static WebApplication MapPortalMetrics(this WebApplication app)
    {
        if (!PrometheusEnabled(app.Configuration, app.Environment))
            return app;
        var token = app.Configuration["OpenTelemetry:Prometheus:ScrapeToken"];
        app.UseWhen(http => http.Request.Path.StartsWithSegments(MetricsPath), branch => branch.Use(async (http, next) =>
        {
            if (http.User.IsStaff() || ScraperTokenMatches(http, token))
            {
                await next();
                return;
            }
            // Like every staff-only route: anonymous callers get 401, customers 404 (the route is not theirs to see).
            http.Response.StatusCode = http.User.Identity?.IsAuthenticated == true ? StatusCodes.Status404NotFound : StatusCodes.Status401Unauthorized;
        }));
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }

    private static bool ScraperTokenMatches(HttpContext http, string? token)
    {
        if (string.IsNullOrEmpty(token))
            return false;
        var header = http.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.Ordinal)
               && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                   System.Text.Encoding.UTF8.GetBytes(header[prefix.Length..]), System.Text.Encoding.UTF8.GetBytes(token));
    }
}
