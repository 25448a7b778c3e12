using Portal.Modules.Identity.Contracts;

namespace Portal.Modules.Identity;

/// <summary>How roles are written in the database and in API bodies.</summary>
internal static class Roles
{
    public static string Name(AccountRole role) => role.ToString().ToLowerInvariant();

    public static string Name(StaffRole role) => role.ToString().ToLowerInvariant();

    public static AccountRole Account(string name) => Enum.Parse<AccountRole>(name, ignoreCase: true);

    public static StaffRole? Staff(string? name) => name is null ? null : Enum.Parse<StaffRole>(name, ignoreCase: true);

    public static string Normalize(string userId) => userId.Trim().ToLowerInvariant();
}
