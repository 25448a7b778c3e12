using Portal.ArchitectureTests.Violations.Dependencies;

namespace Portal.ArchitectureTests;

public sealed class DependencyRuleTests
{
    private const string Fixture = "Portal.ArchitectureTests.Violations.Dependencies";

    [Fact]
    public void Modules_use_no_other_module_implementation()
    {
        var found = Solution.Modules.SelectMany(m => DependencyRules.ModuleViolations(DependencyRules.TypesOf(m), m, Solution.Modules));

        Assert.Empty(found);
    }

    [Fact]
    public void Contracts_use_only_building_blocks_mediatr_and_the_bcl()
    {
        var found = Solution.Contracts.SelectMany(c => DependencyRules.ContractsViolations(DependencyRules.TypesOf(c), c.GetName().Name!));

        Assert.Empty(found);
    }

    [Fact]
    public void Building_blocks_use_no_module_and_not_the_host()
    {
        Assert.Empty(DependencyRules.BuildingBlocksViolations(DependencyRules.TypesOf(Solution.BuildingBlocks)));
    }

    [Fact]
    public void Only_the_host_uses_hangfire()
    {
        var found = Solution.All.Where(a => a != Solution.Host).SelectMany(a => DependencyRules.HangfireViolations(DependencyRules.TypesOf(a)));

        Assert.Empty(found);
    }

    [Fact]
    public void Dependency_rules_catch_each_kind_of_offender_and_spare_a_clean_type()
    {
        var types = DependencyRules.TypesOf(typeof(ReachesAcross).Assembly, Fixture);

        var module = DependencyRules.ModuleViolations(types, typeof(ReachesAcross).Assembly, Solution.Modules);
        var contracts = DependencyRules.ContractsViolations(types, Fixture);
        var buildingBlocks = DependencyRules.BuildingBlocksViolations(types);
        var hangfire = DependencyRules.HangfireViolations(types);

        Assert.Contains(module, f => f.Contains(nameof(ReachesAcross)) && f.Contains("Portal.Modules.Invoicing"));
        Assert.Contains(contracts, f => f.Contains(nameof(ReachesAcross)));
        Assert.Contains(buildingBlocks, f => f.Contains(nameof(ReachesAcross)));
        Assert.Contains(hangfire, f => f.Contains(nameof(ReachesAcross)));
        Assert.DoesNotContain(module.Concat(contracts).Concat(buildingBlocks).Concat(hangfire), f => f.Contains(nameof(StaysHome)));
    }
}
