using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Scheduling;
using Portal.Modules.Invoicing.Contracts.Imports;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Portal.Modules.Invoicing.Contracts.Reminders;
using Portal.Modules.Invoicing.Imports;
using Portal.Modules.Invoicing.Invoices;
using Portal.Modules.Invoicing.Reminders;

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
        services.AddSingleton<InvoicingMetrics>();
        services.AddSingleton(ReminderOptions.FromConfiguration(config));
        services.AddScoped<InvoiceMailer>();
        return services.AddModule(typeof(InvoicingModule).Assembly, tablePrefix: "invoicing_");
    }

    public static IReadOnlyList<ScheduledCommand> Schedules { get; } =
    [
        new("invoice-posting", "0 * * * * ?", () => new PostDueInvoicesCommand()),
        new("invoice-import", "0/15 * * * * ?", () => new ProcessQueuedInvoiceImportsCommand()),
        // Daily at 12:00 UTC, before autopay's 13:00 run; Jobs:reminders:Cron moves it.
        new("reminders", "0 0 12 * * ?", () => new SendInvoiceRemindersCommand()),
    ];
}
