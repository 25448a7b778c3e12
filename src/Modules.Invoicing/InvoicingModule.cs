using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Scheduling;
using Portal.Modules.Invoicing.Contracts.Imports;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Invoicing.Imports;
using Portal.Modules.Invoicing.Invoices;

namespace Portal.Modules.Invoicing;

public static class InvoicingModule
{
    public static IServiceCollection AddInvoicing(this IServiceCollection services, IConfiguration config)
    {
        var cutover = config["Portal:InvoiceCutoverDate"];
        services.AddSingleton(new InvoicingOptions(string.IsNullOrWhiteSpace(cutover)
            ? null
            : DateOnly.ParseExact(cutover.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        services.AddSingleton<ImportProgress>();
        return services.AddModule(typeof(InvoicingModule).Assembly, tablePrefix: "invoicing_");
    }

    public static IReadOnlyList<ScheduledCommand> Schedules { get; } =
    [
        new("invoice-posting", "0 * * * * ?", () => new PostDueInvoicesCommand()),
        new("invoice-import", "0/15 * * * * ?", () => new ProcessQueuedInvoiceImportsCommand()),
    ];
}
