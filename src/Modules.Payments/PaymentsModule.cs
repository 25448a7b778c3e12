using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Scheduling;

namespace Portal.Modules.Payments;

public static class PaymentsModule
{
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration config) =>
        services.AddModule(typeof(PaymentsModule).Assembly, tablePrefix: "payments_");

    public static IReadOnlyList<ScheduledCommand> Schedules { get; } = [];
}
