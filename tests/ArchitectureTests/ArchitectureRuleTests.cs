using System.Reflection;
using Mono.Cecil;
using Portal.ArchitectureTests.Violations;
using Portal.BuildingBlocks.Mediation;

namespace Portal.ArchitectureTests;

public sealed class ArchitectureRuleTests
{
    [Fact]
    public void Migrations_have_one_script_per_number_for_both_engines()
    {
        // The Host is left out: its PostgreSQL scripts number differently (the previous scheduler's tables existed there only).
        var found = Solution.Modules.Append(Solution.BuildingBlocks)
            .SelectMany(a => MigrationRules.Violations(a.GetName().Name!, a.GetManifestResourceNames()));

        Assert.Empty(found);
    }

    [Fact]
    public void Migration_rule_catches_a_shared_number_and_a_script_for_one_engine()
    {
        string[] resources =
        [
            "migrations/sqlite/0001_a.sql", "migrations/postgres/0001_a.sql",
            "migrations/sqlite/0002_b.sql", "migrations/postgres/0002_b.sql",
            "migrations/sqlite/0002_c.sql", "migrations/postgres/0002_c.sql",
            "migrations/sqlite/0003_d.sql", "emails/x.txt",
        ];

        var found = MigrationRules.Violations("Fixture", resources);

        Assert.Equal(3, found.Count);
        Assert.Contains(found, f => f.Contains("sqlite scripts share number 0002"));
        Assert.Contains(found, f => f.Contains("0003_d.sql exists for sqlite only"));
    }

    [Fact]
    public void Contracts_hold_only_immutable_public_sealed_records_and_enums()
    {
        var types = Solution.Contracts.SelectMany(a => a.GetTypes()).ToList();

        Assert.Empty(ContractRules.Violations(types, t => types.Contains(t)));
    }

    [Fact]
    public void Contracts_rule_catches_a_mutable_class_with_a_foreign_property()
    {
        var found = ContractRules.Violations([typeof(LooseThing), typeof(TidyDto)], _ => false);

        Assert.Contains(found, f => f.Contains("not a public sealed record"));
        Assert.Contains(found, f => f.Contains("not named"));
        Assert.Contains(found, f => f.Contains("LooseThing.Name has a setter"));
        Assert.Contains(found, f => f.Contains("LooseThing.Data is of type Stream"));
        Assert.DoesNotContain(found, f => f.Contains("TidyDto"));
    }

    [Fact]
    public void Modules_expose_only_their_entry_point_and_handlers_follow_the_conventions()
    {
        var found = Solution.Modules.SelectMany(a => ModuleRules.VisibilityViolations(Solution.ModuleOf(a), a.GetTypes()));

        Assert.Empty(found);
    }

    [Fact]
    public void Visibility_rule_catches_public_and_unsealed_handlers_and_validators()
    {
        var found = ModuleRules.VisibilityViolations("Fake", [typeof(LeakyQueryHandler), typeof(UnsealedRules), typeof(SecondFakeHandler)]);

        Assert.Contains(found, f => f.Contains("LeakyQueryHandler is public"));
        Assert.Contains(found, f => f.Contains("LeakyQueryHandler must be internal sealed"));
        Assert.Contains(found, f => f.Contains("UnsealedRules must be internal sealed"));
        Assert.Contains(found, f => f.Contains("UnsealedRules is a validator not named"));
        Assert.Contains(found, f => f.Contains("SecondFakeHandler handles FakeQuery and should be named FakeQueryHandler"));
    }

    [Fact]
    public void Every_request_has_exactly_one_handler_and_the_right_kind()
    {
        var types = Solution.All.Where(a => a != Solution.Host).SelectMany(a => a.GetTypes()).ToList();

        Assert.Empty(ModuleRules.HandlerViolations(types, types));
    }

    [Fact]
    public void Handler_rule_catches_orphans_doubles_and_misnamed_requests()
    {
        Type[] types = [typeof(FakeQuery), typeof(OrphanCommand), typeof(MisnamedCommand), typeof(LeakyQueryHandler), typeof(SecondFakeHandler), typeof(MisnamedCommandHandler)];

        var found = ModuleRules.HandlerViolations(types, types);

        Assert.Contains(found, f => f.Contains("FakeQuery has 2 handlers"));
        Assert.Contains(found, f => f.Contains("OrphanCommand has 0 handlers"));
        Assert.Contains(found, f => f.Contains("MisnamedCommand is named a command but is not one"));
    }

    [Fact]
    public void Modules_name_only_their_own_tables_and_never_read_the_system_clock()
    {
        var found = Solution.Modules.SelectMany(a => IlRules.ModuleViolations(Read(a), Solution.ModuleOf(a), Solution.ModuleNames));

        Assert.Empty(found);
    }

    [Fact]
    public void Il_rule_catches_a_foreign_table_literal_and_a_clock_call()
    {
        var found = IlRules.ModuleViolations(Read(typeof(ClockAndSqlOffender).Assembly), "Invoicing", Solution.ModuleNames);

        Assert.Contains(found, f => f.Contains("ClockAndSqlOffender") && f.Contains("payments_"));
        Assert.Contains(found, f => f.Contains("ClockAndSqlOffender") && f.Contains("get_UtcNow"));
    }

    [Fact]
    public void Host_api_areas_use_only_their_own_module_contracts()
    {
        Assert.Empty(IlRules.HostApiViolations(Read(Solution.Host)));
    }

    [Fact]
    public void Host_api_rule_catches_an_area_using_another_module()
    {
        var found = IlRules.HostApiViolations(Read(typeof(ClockAndSqlOffender).Assembly), "Portal.ArchitectureTests.Violations.Api.");

        Assert.Contains(found, f => f.Contains("BorrowsPaymentsEndpoints") && f.Contains("Portal.Modules.Payments"));
    }

    [Fact]
    public void Commands_run_in_a_transaction_and_queries_do_not()
    {
        Assert.True(typeof(ITransactionalRequest).IsAssignableFrom(typeof(ICommand)));
        Assert.False(typeof(ITransactionalRequest).IsAssignableFrom(typeof(IQuery<int>)));
        Assert.False(typeof(ITransactionalRequest).IsAssignableFrom(typeof(IWorkflowCommand<int>)));
    }

    private static ModuleDefinition Read(Assembly assembly) => ModuleDefinition.ReadModule(assembly.Location);
}
