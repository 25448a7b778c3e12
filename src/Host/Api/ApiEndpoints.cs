using Portal.Host.Api.Backoffice;
using Portal.Host.Api.Identity;

namespace Portal.Host.Api;

internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapAuthEndpoints();
        api.MapMeEndpoints();
        api.MapAccountUsersEndpoints();
        api.MapBackofficeAccountsEndpoints();
        api.MapJobsEndpoints();
        return app;
    }
}
