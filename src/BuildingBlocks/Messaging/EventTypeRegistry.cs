using System.Reflection;
using MediatR;
using Portal.BuildingBlocks.Mediation;

namespace Portal.BuildingBlocks.Messaging;

/// <summary>Which event types have handlers, and which handlers, across every registered module.</summary>
public sealed class EventTypeRegistry
{
    private readonly Dictionary<string, (Type EventType, IReadOnlyList<Type> Handlers)> byName;

    public EventTypeRegistry(IEnumerable<ModuleRegistration> modules)
    {
        byName = modules
            .SelectMany(m => m.Assembly.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(INotificationHandler<>))
                .Select(i => (EventType: i.GetGenericArguments()[0], Handler: t)))
            .Where(pair => typeof(IIntegrationEvent).IsAssignableFrom(pair.EventType))
            .GroupBy(pair => pair.EventType)
            .ToDictionary(
                g => g.Key.FullName!,
                g => (g.Key, (IReadOnlyList<Type>)g.Select(p => p.Handler).Distinct().OrderBy(h => h.FullName).ToList()));
    }

    public bool TryGet(string typeName, out Type eventType, out IReadOnlyList<Type> handlers)
    {
        if (byName.TryGetValue(typeName, out var entry))
        {
            (eventType, handlers) = entry;
            return true;
        }
        (eventType, handlers) = (typeof(object), []);
        return false;
    }
}

/// <summary>One module as registered by its entry point: where its handlers and migrations live.</summary>
public sealed record ModuleRegistration(string Name, Assembly Assembly, string TablePrefix);
