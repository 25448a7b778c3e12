using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Scheduling;
using Portal.Modules.Identity.Emails;
using Portal.Modules.Identity.Passwords;

namespace Portal.Modules.Identity;

public static class IdentityModule
{
    public static IServiceCollection AddIdentity(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(IdentityOptions.From(config));
        services.AddSingleton<PasswordPolicy>();
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<IdentityEmails>();
        services.AddSingleton<IdentityMetrics>();
        return services.AddModule(typeof(IdentityModule).Assembly, tablePrefix: "identity_");
    }

    public static IReadOnlyList<ScheduledCommand> Schedules { get; } = [];
}
