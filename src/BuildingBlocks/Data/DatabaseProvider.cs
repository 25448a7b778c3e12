using Microsoft.Extensions.Configuration;

namespace Portal.BuildingBlocks.Data;

/// <summary>The database engine named by Database:Provider.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The one reading of Database:Provider: the data layer and the job scheduler must agree, or a host would write to
/// PostgreSQL while scheduling jobs in memory, unclustered.
/// </summary>
public static class DatabaseProviders
{
    public const string ConfigKey = "Database:Provider";

    private static readonly Dictionary<string, DatabaseProvider> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sqlite"] = DatabaseProvider.Sqlite,
        ["postgres"] = DatabaseProvider.Postgres,
        ["postgresql"] = DatabaseProvider.Postgres,
    };

    public static DatabaseProvider From(IConfiguration config) => Parse(config[ConfigKey]);

    /// <summary>Unset means sqlite (the embedded default); any other unknown name stops the host.</summary>
    public static DatabaseProvider Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return DatabaseProvider.Sqlite;
        return Names.TryGetValue(value.Trim(), out var provider)
            ? provider
            : throw new InvalidOperationException($"{ConfigKey} '{value}' is not supported; use one of: {string.Join(", ", Names.Keys)}.");
    }
}
