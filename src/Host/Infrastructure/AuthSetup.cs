using System.Security.Claims;
using System.Threading.RateLimiting;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Portal.Modules.Identity.Contracts.Sessions;

namespace Portal.Host.Infrastructure;

/// <summary>
/// Cookie authentication backed by a server-side session: every request checks the session in the database,
/// so logout, password change and reset end it on every host.
/// </summary>
internal static class AuthSetup
{
    public const string StaffRoleClaim = "portal:staff_role";
    public const string AuthRateLimit = "auth";

    public static IServiceCollection AddPortalAuth(this IServiceCollection services, IConfiguration config, IHostEnvironment environment)
    {
        services.AddDataProtection().SetApplicationName("portal");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, KeyRepositorySetup>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "portal.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(20);
                o.SlidingExpiration = true;
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/";
                o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.Staff, p => p.RequireAuthenticatedUser().RequireClaim(StaffRoleClaim, "finance", "admin"));

        var permits = int.TryParse(config["RateLimits:AuthPerMinute"], out var n) ? n : 30;
        services.AddRateLimiter(o =>
        {
            // The framework answers 503 by default; a client that is going too fast should hear 429.
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                await Results.Problem(statusCode: 429, title: "Too many attempts.", detail: "Too many requests from your address; try again in a minute.")
                    .ExecuteAsync(ctx.HttpContext);
            };
            // Keyed on the client's address, which ProxySetup has already taken from a trusted proxy's forwarded header.
            o.AddPolicy(AuthRateLimit, http => IsUnlimitedProfileRequest(http.Request)
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    // The profile page carries the auth policy for its password form, the same limit as PUT /api/me/password; viewing the
    // page and its other forms are not password guesses.
    private static bool IsUnlimitedProfileRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/profile")
        && !(HttpMethods.IsPost(request.Method) && string.Equals(request.Query["handler"], "Password", StringComparison.OrdinalIgnoreCase));

    public static async Task SignInAsync(HttpContext http, SessionDto session)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, session.UserKey.ToString()),
            new(ClaimTypes.Name, session.Name),
            new(CurrentUser.UserIdClaim, session.UserId),
            new(CurrentUser.SessionKeyClaim, session.SessionKey),
        ];
        if (session.StaffRole is { } staff)
            claims.Add(new Claim(StaffRoleClaim, staff.ToString().ToLowerInvariant()));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal,
            new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
    }

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext ctx)
    {
        var key = ctx.Principal?.SessionKey();
        var mediator = ctx.HttpContext.RequestServices.GetRequiredService<IMediator>();
        var session = key is null ? null : await mediator.Send(new ValidateSessionCommand(key), ctx.HttpContext.RequestAborted);
        if (session is null)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        // The account checks of this request read the roles fetched with the session instead of asking again.
        ctx.HttpContext.Items[typeof(SessionDto)] = session;
    }

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        // A signed-in customer is not told that the back office exists.
        if (status == StatusCodes.Status403Forbidden && ctx.Request.Path.StartsWithSegments("/backoffice"))
        {
            ctx.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
