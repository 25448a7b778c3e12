using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Scheduling;
using Portal.Modules.Jobsites.Photos;

namespace Portal.Modules.Jobsites;

public static class JobsitesModule
{
    public static IServiceCollection AddJobsites(this IServiceCollection services, IConfiguration config)
    {
        var photoDirectory = config["Jobsites:PhotoDirectory"];
        services.AddSingleton(new PhotoStore(string.IsNullOrWhiteSpace(photoDirectory) ? PhotoStore.DefaultDirectory : photoDirectory));
        return services.AddModule(typeof(JobsitesModule).Assembly, tablePrefix: "jobsites_");
    }

    public static IReadOnlyList<ScheduledCommand> Schedules { get; } = [];
}
