using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;

namespace Portal.Host.Jobs;

/// <summary>
/// Hangfire's dashboard at /backoffice/jobs for staff. Anonymous users are sent to sign in by the staff policy;
/// a signed-in customer gets 404, as for every back-office address that is not theirs to know about.
/// </summary>
internal static class JobsDashboard
{
    public const string Path = "/backoffice/jobs";

    // Hangfire's pages carry empty style="" attributes (the hash of "") and its chart script adds one <style> block;
    // 'self' alone refuses both. These hashes allow exactly those, on the dashboard's own path only; never 'unsafe-inline'.
    private const string StyleHashes =
        "'unsafe-hashes' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' 'sha256-z7zcnw/4WalZqx+PrNaRnoeLz/G9WXuFqV1WCJ129sg='";

    public static IApplicationBuilder UseJobsDashboardGate(this IApplicationBuilder app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Path), branch => branch.Use(async (http, next) =>
        {
            if (http.User.Identity?.IsAuthenticated == true)
            {
                var staff = await http.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(http.User, AuthPolicies.Staff);
                if (!staff.Succeeded)
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
            }
            var csp = http.Response.Headers.ContentSecurityPolicy.ToString();
            http.Response.Headers.ContentSecurityPolicy = csp.Replace("style-src 'self'", $"style-src 'self' {StyleHashes}", StringComparison.Ordinal);
            await next();
        }));

    public static void MapJobsDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboardWithAuthorizationPolicy(AuthPolicies.Staff, Path, new DashboardOptions
        {
            // Empty: the staff policy decides; Hangfire's default filter would allow local requests only.
            Authorization = [],
            AppPath = "/backoffice",
            DashboardTitle = "Portal jobs",
            DisplayStorageConnectionString = false,
        });
}
