using System.Reflection;
using System.Runtime.CompilerServices;
using Portal.BuildingBlocks;

namespace Portal.ArchitectureTests;

/// <summary>Rule 2: Contracts hold immutable public sealed records with plain data, or public enums.</summary>
internal static class ContractRules
{
    private static readonly string[] Suffixes = ["Command", "Query", "Event", "Dto"];

    private static readonly HashSet<Type> Plain =
    [
        typeof(bool), typeof(int), typeof(long), typeof(short), typeof(byte), typeof(decimal), typeof(double), typeof(string),
        typeof(Guid), typeof(DateOnly), typeof(DateTimeOffset), typeof(TimeSpan), typeof(Money),
    ];

    public static IReadOnlyList<string> Violations(IEnumerable<Type> types, Func<Type, bool> isContractType)
    {
        var found = new List<string>();
        foreach (var type in types.Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute)) && !t.Name.Contains('<')))
        {
            if (type.IsEnum)
            {
                if (!type.IsPublic)
                    found.Add($"{type.FullName} is an enum that is not public");
                continue;
            }
            if (!type.IsPublic || !type.IsSealed || type.GetMethod("<Clone>$") is null)
                found.Add($"{type.FullName} is not a public sealed record");
            if (!Suffixes.Any(s => type.Name.EndsWith(s, StringComparison.Ordinal)))
                found.Add($"{type.FullName} is not named …Command, …Query, …Event or …Dto");
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.SetMethod is { } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
                    found.Add($"{type.FullName}.{property.Name} has a setter that is not init-only");
                if (!IsAllowed(property.PropertyType, isContractType))
                    found.Add($"{type.FullName}.{property.Name} is of type {property.PropertyType.Name}, which a contract may not carry");
            }
        }
        return found;
    }

    private static bool IsAllowed(Type type, Func<Type, bool> isContractType)
    {
        if (Plain.Contains(type) || isContractType(type))
            return true;
        if (Nullable.GetUnderlyingType(type) is { } inner)
            return IsAllowed(inner, isContractType);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            return IsAllowed(type.GetGenericArguments()[0], isContractType);
        return false;
    }
}
