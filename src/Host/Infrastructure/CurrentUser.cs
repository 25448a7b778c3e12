using System.Security.Claims;

namespace Portal.Host.Infrastructure;

/// <summary>The claims Portal puts in its cookie, and reading them back.</summary>
internal static class CurrentUser
{
    public const string SessionKeyClaim = "portal:session";
    public const string UserIdClaim = "portal:user_id";

    public static Guid UserKey(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var key) ? key : Guid.Empty;

    public static string? SessionKey(this ClaimsPrincipal user) => user.FindFirstValue(SessionKeyClaim);

    public static string? StaffRole(this ClaimsPrincipal user) => user.FindFirstValue(AuthSetup.StaffRoleClaim);

    public static bool IsStaff(this ClaimsPrincipal user) => user.StaffRole() is not null;
}
