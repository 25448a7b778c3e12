namespace Portal.ArchitectureTests.Violations.Dependencies;

/// <summary>Breaks every dependency rule at once: it reaches into the Invoicing module's implementation and into Hangfire.</summary>
internal static class ReachesAcross
{
    public static int Count() => Portal.Modules.Invoicing.InvoicingModule.Schedules.Count + Hangfire.Cron.Daily().Length;
}

/// <summary>Uses only the BCL: no rule may list it.</summary>
internal static class StaysHome
{
    public static int Count() => Environment.ProcessorCount;
}
