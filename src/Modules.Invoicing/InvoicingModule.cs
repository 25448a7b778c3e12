using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Scheduling;

namespace Portal.Modules.Invoicing;

public static class InvoicingModule
{
    public static IServiceCollection AddInvoicing(this IServiceCollection services, IConfiguration config) =>
        services.AddModule(typeof(InvoicingModule).Assembly, tablePrefix: "invoicing_");

    public static IReadOnlyList<ScheduledCommand> Schedules { get; } = [];
}
