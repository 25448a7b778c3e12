namespace Portal.Host;

internal static class AuthPolicies
{
    public const string Staff = "staff";
}
