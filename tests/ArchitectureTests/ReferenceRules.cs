namespace Portal.ArchitectureTests;

/// <summary>Rule 1: who may reference whom, on assembly references.</summary>
internal static class ReferenceRules
{
    public static IReadOnlyList<string> Violations(IReadOnlyDictionary<string, IReadOnlyCollection<string>> references)
    {
        var found = new List<string>();
        foreach (var (assembly, refs) in references)
            foreach (var reference in refs)
            {
                if (IsModule(assembly) && IsModule(reference) && reference != assembly)
                    found.Add($"{assembly} references another module's implementation {reference}");
                if (IsContracts(assembly) && !AllowedForContracts(reference))
                    found.Add($"{assembly} references {reference}; Contracts may reference only BuildingBlocks, MediatR and the BCL");
                if (assembly == "Portal.BuildingBlocks" && reference.StartsWith("Portal.Modules.", StringComparison.Ordinal))
                    found.Add($"BuildingBlocks references module {reference}");
                if (reference == "Quartz" && assembly != "Portal.Host")
                    found.Add($"{assembly} references Quartz; only the Host may");
            }
        return found;
    }

    public static bool IsModule(string name) => name.StartsWith("Portal.Modules.", StringComparison.Ordinal) && !IsContracts(name);

    public static bool IsContracts(string name) => name.StartsWith("Portal.Modules.", StringComparison.Ordinal) && name.EndsWith(".Contracts", StringComparison.Ordinal);

    private static bool AllowedForContracts(string reference) =>
        reference is "Portal.BuildingBlocks" or "MediatR" or "netstandard" or "mscorlib"
        || reference.StartsWith("System", StringComparison.Ordinal);
}
