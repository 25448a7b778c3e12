using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Scheduling;
using Portal.Modules.Payments.Adyen;

namespace Portal.Modules.Payments;

public static class PaymentsModule
{
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration config)
    {
        var adyen = AdyenEndpoint.OptionsFrom(config);
        services.AddSingleton(adyen);
        services.AddSingleton<AdyenEndpoint>();
        services.AddSingleton(Autopay.AutopayOptions.From(config));
        services.AddScoped<Autopay.AutopayNotices>();
        services.AddScoped<Receipts.PaymentEmails>();
        services.AddScoped<Payments.RefusalLimit>();
        services.AddHttpClient<AdyenCheckoutClient>((sp, http) =>
        {
            http.BaseAddress = sp.GetRequiredService<AdyenEndpoint>().BaseUrl;
            http.Timeout = TimeSpan.FromSeconds(30);
        });
        if (adyen.Mode == AdyenModes.Emulator && adyen.BaseUrl is null)
            services.AddHostedService<AdyenEmulatorService>();
        return services.AddModule(typeof(PaymentsModule).Assembly, tablePrefix: "payments_");
    }

    public static IReadOnlyList<ScheduledCommand> Schedules { get; } =
    [
        new("payments-stale", "0 */10 * * * ?", () => new Contracts.Payments.ResolveStalePaymentsCommand()),
        // Daily at 13:00 UTC (morning in the US); Jobs:autopay:Cron moves it.
        new("autopay", "0 0 13 * * ?", () => new Contracts.Autopay.RunAutopayCommand()),
    ];
}
