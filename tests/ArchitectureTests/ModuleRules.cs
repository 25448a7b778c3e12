using FluentValidation;
using MediatR;
using Portal.BuildingBlocks.Mediation;

namespace Portal.ArchitectureTests;

/// <summary>Rules 3 and 4: what a module exposes, how handlers look, and one handler per request.</summary>
internal static class ModuleRules
{
    public static IReadOnlyList<string> VisibilityViolations(string module, IEnumerable<Type> types)
    {
        var found = new List<string>();
        foreach (var type in types.Where(t => !t.Name.Contains('<')))
        {
            if (type.IsPublic && type.Name != $"{module}Module")
                found.Add($"{type.FullName} is public; only {module}Module may be");
            var isRequestHandler = Implements(type, typeof(IRequestHandler<,>));
            var isHandler = isRequestHandler || Implements(type, typeof(INotificationHandler<>));
            var isValidator = Implements(type, typeof(IValidator<>)) && !type.IsAbstract;
            if (!isHandler && !isValidator)
                continue;
            if (type.IsPublic || !type.IsSealed)
                found.Add($"{type.FullName} must be internal sealed");
            if (type.GetConstructors().Length == 0)
                found.Add($"{type.FullName} needs a public constructor for dependency injection");
            if (isRequestHandler && Generic(type, typeof(IRequestHandler<,>)).First().GetGenericArguments()[0] is var request
                && type.Name != request.Name + "Handler")
                found.Add($"{type.FullName} handles {request.Name} and should be named {request.Name}Handler");
            if (isHandler && !type.Name.EndsWith("Handler", StringComparison.Ordinal))
                found.Add($"{type.FullName} is a handler not named …Handler");
            if (isValidator && !type.Name.EndsWith("Validator", StringComparison.Ordinal))
                found.Add($"{type.FullName} is a validator not named …Validator");
        }
        return found;
    }

    public static IReadOnlyList<string> HandlerViolations(IEnumerable<Type> requestTypes, IEnumerable<Type> candidateHandlers)
    {
        var handlers = candidateHandlers.Where(t => !t.IsAbstract).ToList();
        var found = new List<string>();
        foreach (var request in requestTypes.Where(t => !t.IsAbstract && !t.IsInterface && typeof(IBaseRequest).IsAssignableFrom(t)))
        {
            var count = handlers.Count(h => Generic(h, typeof(IRequestHandler<,>)).Any(i => i.GetGenericArguments()[0] == request));
            if (count != 1)
                found.Add($"{request.FullName} has {count} handlers; it needs exactly one");
            var isCommand = Implements(request, typeof(ICommand<>)) || Implements(request, typeof(IWorkflowCommand<>));
            var isQuery = Implements(request, typeof(IQuery<>));
            if (!isCommand && !isQuery)
                found.Add($"{request.FullName} implements none of ICommand, ICommand<T>, IWorkflowCommand<T>, IQuery<T>");
            if (request.Name.EndsWith("Command", StringComparison.Ordinal) && !isCommand)
                found.Add($"{request.FullName} is named a command but is not one");
            if (request.Name.EndsWith("Query", StringComparison.Ordinal) && !isQuery)
                found.Add($"{request.FullName} is named a query but is not one");
        }
        return found;
    }

    private static bool Implements(Type type, Type openGeneric) => Generic(type, openGeneric).Any();

    private static IEnumerable<Type> Generic(Type type, Type openGeneric) =>
        type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == openGeneric);
}
