using Portal.Modules.Identity.Contracts;

namespace Portal.Host.Pages;

/// <summary>A role chosen in a form. Names only: an empty choice or a number would bind to an enum value no role has.</summary>
internal static class RoleInput
{
    public const string Message = "Choose a role: basic, accounting or admin.";

    public static AccountRole? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "basic" => AccountRole.Basic,
        "accounting" => AccountRole.Accounting,
        "admin" => AccountRole.Admin,
        _ => null,
    };
}
