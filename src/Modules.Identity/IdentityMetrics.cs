using System.Diagnostics.Metrics;

namespace Portal.Modules.Identity;

/// <summary>The module's business meter (the Host hands its name to OpenTelemetry); never a user ID in a tag.</summary>
internal sealed class IdentityMetrics
{
    public const string Name = "Portal.Identity";

    private readonly Counter<long> loginFailures;
    private readonly Counter<long> lockouts;

    public IdentityMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        loginFailures = meter.CreateCounter<long>("portal.login.failures", "{attempt}", "Sign-ins refused for a wrong user ID or password");
        lockouts = meter.CreateCounter<long>("portal.login.lockouts", "{lockout}", "User IDs locked after too many failures");
    }

    public void LoginFailed() => loginFailures.Add(1);

    public void LockedOut() => lockouts.Add(1);
}
