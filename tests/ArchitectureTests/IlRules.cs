using System.Text.RegularExpressions;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Portal.ArchitectureTests;

/// <summary>Rules 5 and 6, read from IL with Mono.Cecil: SQL literals, clock calls and which Contracts the Host API uses.</summary>
internal static partial class IlRules
{
    private static readonly string[] SharedTables = ["outbox_messages", "inbox_messages", "schema_versions", "qrtz_"];

    private static readonly HashSet<string> ForbiddenClockCalls =
    [
        "System.DateTime System.DateTime::get_Now()",
        "System.DateTime System.DateTime::get_UtcNow()",
        "System.DateTime System.DateTime::get_Today()",
        "System.DateTimeOffset System.DateTimeOffset::get_Now()",
        "System.DateTimeOffset System.DateTimeOffset::get_UtcNow()",
    ];

    public static IReadOnlyList<string> ModuleViolations(ModuleDefinition assembly, string module, IEnumerable<string> allModules)
    {
        var foreignPrefixes = allModules.Where(m => m != module).Select(Solution.TablePrefix).Concat(SharedTables).ToList();
        var found = new List<string>();
        foreach (var method in assembly.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody))
            foreach (var instruction in method.Body.Instructions)
            {
                if (instruction.OpCode == OpCodes.Ldstr && instruction.Operand is string literal
                    && foreignPrefixes.FirstOrDefault(p => literal.Contains(p, StringComparison.OrdinalIgnoreCase)) is { } prefix)
                    found.Add($"{method.FullName} has a literal naming '{prefix}', which {module} does not own");
                if (instruction.Operand is MethodReference called && ForbiddenClockCalls.Contains(called.FullName))
                    found.Add($"{method.FullName} reads the system clock ({called.Name}); inject TimeProvider");
            }
        foreach (var resource in assembly.Resources.OfType<EmbeddedResource>().Where(r => r.Name.EndsWith(".sql", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(resource.GetResourceStream());
            foreach (Match table in CreateTable().Matches(reader.ReadToEnd()))
                if (!table.Groups[1].Value.StartsWith(Solution.TablePrefix(module), StringComparison.OrdinalIgnoreCase))
                    found.Add($"{resource.Name} creates table {table.Groups[1].Value}, which lacks the prefix {Solution.TablePrefix(module)}");
        }
        return found;
    }

    public static IReadOnlyList<string> HostApiViolations(ModuleDefinition host, string apiNamespaceRoot = "Portal.Host.Api.")
    {
        var found = new List<string>();
        foreach (var type in host.GetTypes().Where(t => t.Namespace.StartsWith(apiNamespaceRoot, StringComparison.Ordinal) || IsNestedIn(t, apiNamespaceRoot)))
        {
            var area = Root(type).Namespace[apiNamespaceRoot.Length..].Split('.')[0];
            // Areas named after a module serve that module only; other areas (Backoffice, Accounts) may compose.
            if (!Solution.ModuleNames.Contains(area))
                continue;
            foreach (var used in UsedTypes(type).SelectMany(Expand).Select(t => t.Scope.Name).Distinct())
            {
                var module = Solution.ModuleOf(used);
                if (module.Length > 0 && module != area)
                    found.Add($"{type.FullName} in Api.{area} uses {used}");
            }
        }
        return found;
    }

    private static IEnumerable<TypeReference> UsedTypes(TypeDefinition type)
    {
        foreach (var field in type.Fields)
            yield return field.FieldType;
        foreach (var method in type.Methods)
        {
            yield return method.ReturnType;
            foreach (var parameter in method.Parameters)
                yield return parameter.ParameterType;
            if (!method.HasBody)
                continue;
            foreach (var variable in method.Body.Variables)
                yield return variable.VariableType;
            foreach (var instruction in method.Body.Instructions)
                switch (instruction.Operand)
                {
                    case TypeReference t: yield return t; break;
                    case MethodReference m:
                        yield return m.DeclaringType;
                        if (m is GenericInstanceMethod g)
                            foreach (var argument in g.GenericArguments)
                                yield return argument;
                        break;
                    case FieldReference f: yield return f.DeclaringType; break;
                }
        }
    }

    private static IEnumerable<TypeReference> Expand(TypeReference type)
    {
        if (type is GenericInstanceType generic)
            foreach (var argument in generic.GenericArguments.SelectMany(Expand))
                yield return argument;
        yield return type.GetElementType();
    }

    private static TypeDefinition Root(TypeDefinition type) => type.DeclaringType is null ? type : Root(type.DeclaringType);

    private static bool IsNestedIn(TypeDefinition type, string root) => type.DeclaringType is not null && Root(type).Namespace.StartsWith(root, StringComparison.Ordinal);

    [GeneratedRegex(@"create\s+table\s+(?:if\s+not\s+exists\s+)?([a-z_0-9]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();
}
