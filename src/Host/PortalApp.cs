using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Portal.Host.Api;
using Portal.Host.Infrastructure;
using Portal.Host.Jobs;

namespace Portal.Host;

/// <summary>Builds the web host: composition, pipeline and endpoints. No business rules live here.</summary>
internal static class PortalApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(HostPaths.Options(args));
        builder.AddPortalLogging();
        builder.AddPortalTelemetry();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton<ShutdownGuard>();

        builder.Services.AddHostedService<Pages.AdyenWebComponentCheck>();
        builder.Services.AddHostedService<MigrationHostedService>();
        builder.Services.AddHostedService<DemoData>();
        builder.Services.AddPortal(builder.Configuration);
        builder.Services.AddPortalJobs(builder.Configuration);
        builder.Services.AddSingleton<Api.Invoicing.ImportRunner>();
        builder.Services.AddSingleton(sp => Documents.BusinessProfile.From(sp.GetRequiredService<IConfiguration>(), builder.Environment.ContentRootPath));

        builder.Services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddRazorPages();
        builder.Services.AddPortalApiDocs();
        builder.Services.AddPortalHealth(builder.Configuration);
        builder.Services.AddPortalAuth(builder.Configuration, builder.Environment);
        builder.Services.AddPortalProxies(builder.Configuration);

        var app = builder.Build();
        app.UsePortalProxies(app.Configuration);
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseNulCharacterGuard();
        app.UseSecurityHeaders(app.Configuration);
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseRequestLogScope();
        app.UseJobsDashboardGate();
        app.UseCsrfHeader();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapPortalMetrics();
        app.MapOpenApi();
        app.MapPortalApiDocs();
        app.MapPortalHealth();
        app.MapPortalApi();
        app.MapRazorPages();
        app.MapJobsDashboard();
        return app;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new NulCharacterGuard.StringConverter());
        options.NumberHandling = JsonNumberHandling.Strict;
        options.MaxDepth = 32;
    }
}
