using Portal.Host.Api.Backoffice;

namespace Portal.Host.Api;

internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapJobsEndpoints();
        return app;
    }
}
