using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Scheduling;
using Portal.Modules.Identity;
using Portal.Modules.Invoicing;
using Portal.Modules.Jobsites;
using Portal.Modules.Payments;

namespace Portal.Host;

/// <summary>The one place that names the modules, always in the same order.</summary>
public static class PortalComposition
{
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration config)
    {
        services.AddBuildingBlocks(config);
        services.AddIdentity(config);
        services.AddInvoicing(config);
        services.AddPayments(config);
        services.AddJobsites(config);
        services.AddSingleton(new MigrationSource("host", typeof(PortalComposition).Assembly));
        services.AddHttpContextAccessor();
        services.AddScoped<Audit.AuditLog>();
        // Registered after the modules' pipeline, so it runs innermost: inside the command's own transaction.
        services.AddScoped(typeof(MediatR.IPipelineBehavior<,>), typeof(Audit.AuditBehavior<,>));
        foreach (var schedule in Schedules)
            services.AddSingleton(schedule);
        return services;
    }

    public static IReadOnlyList<ScheduledCommand> Schedules { get; } =
    [
        .. Registration.Schedules,
        .. IdentityModule.Schedules,
        .. InvoicingModule.Schedules,
        .. PaymentsModule.Schedules,
        .. JobsitesModule.Schedules,
    ];
}
