using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
        services.AddSingleton<PaymentsMetrics>();
        services.AddSingleton<AdyenEndpoint>();
        // Checked when the host starts (not at registration), so commands and tests that build services alone still can.
        services.AddSingleton<IValidateOptions<AdyenStartupCheck>>(sp =>
            new AdyenOptionsValidator(sp.GetRequiredService<AdyenOptions>(), sp.GetService<IHostEnvironment>()));
        services.AddOptions<AdyenStartupCheck>().ValidateOnStart();
        services.AddSingleton(Autopay.AutopayOptions.From(config));
        services.AddScoped<Autopay.AutopayNotices>();
        services.AddScoped<Receipts.PaymentEmails>();
        services.AddScoped<Refunds.ResendStaleRefunds>();
        services.AddScoped<Webhooks.WebhookAmountCheck>();
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
        // Every 5 minutes: with the resolver's 5-minute grace, no unknown payment holds an invoice much past 10 minutes.
        new("payments-stale", "0 */5 * * * ?", () => new Contracts.Payments.ResolveStalePaymentsCommand()),
        // Daily at 13:00 UTC (morning in the US); Jobs:autopay:Cron moves it.
        new("autopay", "0 0 13 * * ?", () => new Contracts.Autopay.RunAutopayCommand()),
    ];
}
