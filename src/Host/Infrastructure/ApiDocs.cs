using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Portal.Host.Infrastructure;

/// <summary>
/// The API reference at /api-docs (Scalar over /openapi/v1.json): open in Development, staff only elsewhere. The
/// document gains the problem-details answers every API route can give, with the stable 422 codes of API.md.
/// </summary>
internal static class ApiDocs
{
    public const string Path = "/api-docs";

    // Scalar's page configures itself with an inline script and inline styles; only its own path allows them.
    public const string Csp = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                              + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static readonly string[] BusinessRuleCodes =
        ["amount_exceeds_open_balance", "partial_payment_not_allowed", "invoice_not_open", "currency_not_supported", "last_admin"];

    public static bool IsDocsPath(PathString path) => path.StartsWithSegments(Path);

    public static IServiceCollection AddPortalApiDocs(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddOperationTransformer((operation, context, _) =>
        {
            AddProblemResponses(operation, context.Description.RelativePath ?? "");
            return Task.CompletedTask;
        }));

    public static WebApplication MapPortalApiDocs(this WebApplication app)
    {
        var docs = app.MapScalarApiReference(Path, o => o
            .WithTitle("Portal API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            // The page may load nothing from outside the site (CSP), so no web fonts.
            .DisableDefaultFonts());
        if (!app.Environment.IsDevelopment())
            docs.RequireAuthorization(AuthPolicies.Staff);
        return app;
    }

    private static void AddProblemResponses(OpenApiOperation operation, string route)
    {
        if (!route.StartsWith("api/", StringComparison.Ordinal))
            return;
        operation.Responses ??= [];
        Add(operation, "400", "Invalid input: problem details with `errors` by field.", Problem(400, "One or more validation errors occurred.", null));
        Add(operation, "401", "Not signed in.", null);
        Add(operation, "404", "No such resource, or not one of your accounts.", Problem(404, "Not found.", null));
        if (operation.RequestBody is null)
            return;
        Add(operation, "409", "Conflict: a number taken, or an Idempotency-Key reused with another body.", Problem(409, "Conflict.", null));
        Add(operation, "422", "A business rule refused it; `code` is one of: " + string.Join(", ", BusinessRuleCodes.Select(c => $"`{c}`")) + ".",
            Problem(422, "The payment exceeds the open balance.", "amount_exceeds_open_balance"));
        if (route.EndsWith("/payments", StringComparison.Ordinal))
            operation.RequestBody.Content?["application/json"].Example = PaymentExample();
    }

    private static void Add(OpenApiOperation operation, string status, string description, JsonNode? example)
    {
        if (operation.Responses!.ContainsKey(status))
            return;
        var response = new OpenApiResponse { Description = description };
        if (example is not null)
            response.Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Example = example } };
        operation.Responses[status] = response;
    }

    private static JsonObject Problem(int status, string title, string? code)
    {
        var problem = new JsonObject { ["type"] = $"https://tools.ietf.org/html/rfc9110#section-15.5.{status - 399}", ["title"] = title, ["status"] = status };
        if (code is not null)
            problem["code"] = code;
        return problem;
    }

    // A saved method keeps card fields out of the example; a new card is sent only as the web component's encrypted values.
    private static JsonObject PaymentExample() => new()
    {
        ["amount"] = new JsonObject { ["currency"] = "USD", ["value"] = 12500 },
        ["allocations"] = new JsonArray(new JsonObject
            { ["invoiceId"] = "0193a5b0-0000-7000-8000-000000000001", ["amount"] = new JsonObject { ["currency"] = "USD", ["value"] = 12500 } }),
        ["paymentMethod"] = new JsonObject { ["storedPaymentMethodId"] = "0193a5b0-0000-7000-8000-0000000000aa" },
        ["savePaymentMethod"] = false,
    };
}
