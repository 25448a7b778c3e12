using System.Reflection;
using NetArchTest.Rules;

namespace Portal.ArchitectureTests;

/// <summary>
/// Rule 1, in NetArchTest: who may depend on whom, judged on the types each one actually uses. A module uses no other
/// module's implementation; Contracts use only BuildingBlocks, MediatR and the BCL; BuildingBlocks uses no module and
/// not the Host; only the Host uses Hangfire. Each rule returns every offending type.
/// </summary>
internal static class DependencyRules
{
    public static PredicateList TypesOf(Assembly assembly, string @namespace = "Portal") =>
        Types.InAssembly(assembly).That().ResideInNamespaceStartingWith(@namespace);

    public static IReadOnlyList<string> ModuleViolations(PredicateList types, Assembly module, IEnumerable<Assembly> modules) =>
        modules.Where(other => other != module)
            .SelectMany(other => Failing(types.ShouldNot().HaveDependencyOnAny(ImplementationOf(other)), $"uses {other.GetName().Name}, another module's implementation"))
            .ToList();

    public static IReadOnlyList<string> ContractsViolations(PredicateList types, string ownNamespace) =>
        Failing(types.Should().OnlyHaveDependenciesOn("System", "MediatR", "Portal.BuildingBlocks", ownNamespace),
            "depends on something other than BuildingBlocks, MediatR, the BCL and its own Contracts").ToList();

    public static IReadOnlyList<string> BuildingBlocksViolations(PredicateList types) =>
        Failing(types.ShouldNot().HaveDependencyOnAny("Portal.Modules", "Portal.Host"), "is in BuildingBlocks but uses a module or the Host").ToList();

    public static IReadOnlyList<string> HangfireViolations(PredicateList types) =>
        Failing(types.ShouldNot().HaveDependencyOn("Hangfire"), "uses Hangfire; only the Host may").ToList();

    // A module's namespaces other than its Contracts'; types in the root namespace go by full name, since the root
    // namespace is also the start of the Contracts' namespaces and NetArchTest matches by prefix.
    private static string[] ImplementationOf(Assembly module)
    {
        var root = module.GetName().Name!;
        return module.GetTypes()
            .Where(t => t is { IsNested: false, Namespace: not null } && !t.Name.StartsWith('<'))
            .Select(t => t.Namespace == root ? t.FullName! : t.Namespace!)
            .Distinct()
            .ToArray();
    }

    private static IEnumerable<string> Failing(ConditionList rule, string what) =>
        rule.GetResult() is { IsSuccessful: false } result ? (result.FailingTypeNames ?? []).Select(t => $"{t} {what}") : [];
}
