using System.Reflection;

namespace Portal.ArchitectureTests;

/// <summary>The real assemblies of the solution, by role.</summary>
internal static class Solution
{
    public static readonly string[] ModuleNames = ["Identity", "Invoicing", "Payments", "Jobsites"];

    public static Assembly Host { get; } = typeof(Portal.Host.PortalComposition).Assembly;

    public static Assembly BuildingBlocks { get; } = typeof(Portal.BuildingBlocks.Money).Assembly;

    public static IReadOnlyList<Assembly> Modules { get; } =
        ModuleNames.Select(name => Assembly.Load($"Portal.Modules.{name}")).ToList();

    public static IReadOnlyList<Assembly> Contracts { get; } =
        ModuleNames.Select(name => Assembly.Load($"Portal.Modules.{name}.Contracts")).ToList();

    public static IReadOnlyList<Assembly> All { get; } = [Host, BuildingBlocks, .. Modules, .. Contracts];

    public static string ModuleOf(Assembly assembly) => ModuleOf(assembly.GetName().Name!);

    public static string ModuleOf(string assemblyName) => assemblyName.Split('.') is [_, "Modules", var module, ..] ? module : "";

    public static string TablePrefix(string module) => module.ToLowerInvariant() + "_";
}
