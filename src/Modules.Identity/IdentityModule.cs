using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Scheduling;

namespace Portal.Modules.Identity;

public static class IdentityModule
{
    public static IServiceCollection AddIdentity(this IServiceCollection services, IConfiguration config) =>
        services.AddModule(typeof(IdentityModule).Assembly, tablePrefix: "identity_");

    public static IReadOnlyList<ScheduledCommand> Schedules { get; } = [];
}
