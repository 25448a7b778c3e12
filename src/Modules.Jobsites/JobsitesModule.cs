using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Scheduling;

namespace Portal.Modules.Jobsites;

public static class JobsitesModule
{
    public static IServiceCollection AddJobsites(this IServiceCollection services, IConfiguration config) =>
        services.AddModule(typeof(JobsitesModule).Assembly, tablePrefix: "jobsites_");

    public static IReadOnlyList<ScheduledCommand> Schedules { get; } = [];
}
