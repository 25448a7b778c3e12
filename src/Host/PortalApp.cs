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
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        builder.Services.AddHostedService<Pages.AdyenWebComponentCheck>();
        builder.Services.AddHostedService<MigrationHostedService>();
        builder.Services.AddHostedService<DemoData>();
        builder.Services.AddPortal(builder.Configuration);
        builder.Services.AddPortalJobs(builder.Configuration);
        builder.Services.AddSingleton<Api.Invoicing.ImportRunner>();

        builder.Services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddRazorPages();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddPortalAuth(builder.Configuration, builder.Environment);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseNulCharacterGuard();
        app.UseSecurityHeaders(app.Configuration);
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseCsrfHeader();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapOpenApi();
        app.MapHealthChecks("/health");
        app.MapPortalApi();
        app.MapRazorPages();
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
