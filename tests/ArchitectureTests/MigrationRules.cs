namespace Portal.ArchitectureTests;

/// <summary>
/// Migration scripts are embedded as migrations/{dialect}/NNNN_name.sql. Two scripts with one number in a dialect would
/// let the migrator record one and skip the other (two branches each adding their 0002 did exactly that), and a script
/// present for one engine only leaves the other engine's schema behind.
/// </summary>
internal static class MigrationRules
{
    public static IReadOnlyList<string> Violations(string assembly, IEnumerable<string> resourceNames)
    {
        var scripts = resourceNames.Where(n => n.StartsWith("migrations/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n.Split('/')).Where(p => p.Length == 3).Select(p => (Dialect: p[1], File: p[2])).ToList();
        var found = new List<string>();
        foreach (var clash in scripts.GroupBy(s => (s.Dialect, Number: s.File.Split('_')[0])).Where(g => g.Count() > 1))
            found.Add($"{assembly}: {clash.Key.Dialect} scripts share number {clash.Key.Number}: {string.Join(", ", clash.Select(s => s.File))}");
        var sqlite = scripts.Where(s => s.Dialect == "sqlite").Select(s => s.File).ToHashSet();
        var postgres = scripts.Where(s => s.Dialect == "postgres").Select(s => s.File).ToHashSet();
        foreach (var file in sqlite.Except(postgres))
            found.Add($"{assembly}: {file} exists for sqlite only");
        foreach (var file in postgres.Except(sqlite))
            found.Add($"{assembly}: {file} exists for postgres only");
        return found;
    }
}
