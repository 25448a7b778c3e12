using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Email;
using Portal.BuildingBlocks.Mediation;
using Portal.BuildingBlocks.Messaging;
using Portal.BuildingBlocks.Scheduling;

namespace Portal.BuildingBlocks;

public static class Registration
{
    /// <summary>The shared kernel: database, migrator, mediator with its pipeline, outbox, email.</summary>
    public static IServiceCollection AddBuildingBlocks(this IServiceCollection services, IConfiguration config)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => CreateConnectionFactory(config));
        services.AddScoped<IDatabase, Database>();
        services.AddScoped<Outbox>();
        services.AddScoped<IOutbox>(sp => sp.GetRequiredService<Outbox>());
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<EventTypeRegistry>();
        services.AddSingleton<Migrator>();
        services.AddMetrics();
        services.AddSingleton<Diagnostics.OutboxMonitor>();
        services.AddSingleton(new MigrationSource("buildingblocks", typeof(Registration).Assembly));
        services.AddSingleton(EmailOptions.FromConfiguration(config));
        services.AddSingleton<IEmailSender, EmailSender>();
        if (!string.Equals(config["Outbox:BackgroundDispatch"], "false", StringComparison.OrdinalIgnoreCase))
            services.AddHostedService<OutboxBackgroundService>();

        services.AddHandlers(typeof(Registration).Assembly);
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        // MediatR 5 runs the behaviour registered first outermost.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehavior<,>));
        return services;
    }

    /// <summary>Registers a module's handlers, validators and migrations, found by scanning its assembly.</summary>
    public static IServiceCollection AddModule(this IServiceCollection services, Assembly assembly, string tablePrefix)
    {
        var name = tablePrefix.TrimEnd('_');
        services.AddSingleton(new ModuleRegistration(name, assembly, tablePrefix));
        services.AddSingleton(new MigrationSource(name, assembly));
        return services.AddHandlers(assembly);
    }

    /// <summary>The shared kernel's own sweeps, scheduled by the Host beside the modules' ones.</summary>
    public static IReadOnlyList<ScheduledCommand> Schedules { get; } =
        [new("outbox-cleanup", "0 17 3 * * ?", () => new CleanUpOutboxCommand())];

    private static IServiceCollection AddHandlers(this IServiceCollection services, Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
            foreach (var contract in type.GetInterfaces().Where(IsRegistered))
                services.AddScoped(contract, type);
        return services;
    }

    public static ConnectionFactory CreateConnectionFactory(IConfiguration config)
    {
        var connectionString = config.GetConnectionString("Portal");
        return DatabaseProviders.From(config) switch
        {
            DatabaseProvider.Postgres => new ConnectionFactory(SqlDialect.Postgres, string.IsNullOrWhiteSpace(connectionString)
                ? throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Portal is empty.") : connectionString),
            _ => new ConnectionFactory(SqlDialect.Sqlite, string.IsNullOrWhiteSpace(connectionString)
                ? $"Data Source={Path.Combine("data", "portal.db")}" : connectionString),
        };
    }

    private static bool IsRegistered(Type contract) =>
        contract.IsGenericType && contract.GetGenericTypeDefinition() is var definition
        && (definition == typeof(IRequestHandler<,>) || definition == typeof(INotificationHandler<>) || definition == typeof(IValidator<>));
}
