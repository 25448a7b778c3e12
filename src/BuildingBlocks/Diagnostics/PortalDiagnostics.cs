using System.Diagnostics;

namespace Portal.BuildingBlocks.Diagnostics;

/// <summary>The names of the shared kernel's trace sources and meter, which the Host hands to OpenTelemetry.</summary>
public static class PortalDiagnostics
{
    public const string MediatorSourceName = "Portal.Mediator";
    public const string OutboxSourceName = "Portal.Outbox";
    public const string OutboxMeterName = "Portal.Outbox";

    internal static readonly ActivitySource Mediator = new(MediatorSourceName);
    internal static readonly ActivitySource Outbox = new(OutboxSourceName);
}
