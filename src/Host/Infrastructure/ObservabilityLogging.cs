using Microsoft.Extensions.Logging.Console;

namespace Portal.Host.Infrastructure;

/// <summary>
/// Console logs: plain lines in Development (a person reads them), JSON elsewhere (a collector reads them);
/// Logging:Console:FormatterName (simple, json, systemd) overrides either. Every request's scope carries ids only.
/// </summary>
internal static class ObservabilityLogging
{
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole();
        var development = builder.Environment.IsDevelopment();
        builder.Services.PostConfigure<ConsoleLoggerOptions>(o =>
            o.FormatterName ??= development ? ConsoleFormatterNames.Simple : ConsoleFormatterNames.Json);
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = false;
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        });
        return builder;
    }

    /// <summary>
    /// After authentication: the user's key and the route's account id (GUIDs) join every log line of the request.
    /// Never the user ID, name, email or anything from the body: those are personal data or card fields.
    /// </summary>
    public static IApplicationBuilder UseRequestLogScope(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Portal.Request");
        return app.Use(async (http, next) =>
        {
            var userKey = http.User.UserKey();
            var account = http.GetRouteValue("accountId") as string;
            var state = new List<KeyValuePair<string, object?>>(2);
            if (userKey != Guid.Empty)
                state.Add(new("UserKey", userKey));
            if (Guid.TryParse(account, out var accountId))
                state.Add(new("AccountId", accountId));
            if (state.Count == 0)
            {
                await next();
                return;
            }
            using (logger.BeginScope(state))
                await next();
        });
    }
}
