using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Portal.Modules.Payments.Adyen.Emulator;

internal static class EmulatorEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, EmulatorPipeline pipeline, PaymentProcessor payments,
        RefundProcessor refunds, StoredMethodsApi storedMethods, CancelProcessor cancels)
    {
        routes.MapPost("/v71/payments", context => pipeline.RunPostAsync(context, movesMoney: true, payments.Pay));
        routes.MapPost("/v71/payments/details", context => pipeline.RunPostAsync(context, movesMoney: false, payments.Details));
        routes.MapPost("/v71/payments/{pspReference}/refunds", context => pipeline.RunPostAsync(context, movesMoney: true,
            (body, key) => refunds.Refund(RouteValue(context, "pspReference"), body, key)));
        routes.MapPost("/v71/cancels", context => pipeline.RunPostAsync(context, movesMoney: false, cancels.CancelByReference));
        routes.MapGet("/v71/storedPaymentMethods", context => pipeline.RunAsync(context,
            () => storedMethods.List(context.Request.Query)));
        routes.MapDelete("/v71/storedPaymentMethods/{id}", context => pipeline.RunAsync(context,
            () => storedMethods.Delete(RouteValue(context, "id"), context.Request.Query)));
    }

    private static string RouteValue(HttpContext context, string name) => context.Request.RouteValues[name]?.ToString() ?? "";
}
