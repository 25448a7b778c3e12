using Portal.Host.Api.Accounts;
using Portal.Host.Api.Backoffice;
using Portal.Host.Api.Invoicing;
using Portal.Host.Api.Identity;
using Portal.Host.Api.Jobsites;
using Portal.Host.Api.Payments;

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
        api.MapSummaryEndpoints();
        api.MapDocumentsEndpoints();
        api.MapInvoicesEndpoints();
        api.MapBackofficeInvoicesEndpoints();
        api.MapBackofficeImportsEndpoints();
        api.MapWebhooksEndpoints();
        api.MapPaymentsEndpoints();
        api.MapAutopayEndpoints();
        api.MapBackofficePaymentsEndpoints();
        api.MapReconciliationEndpoints();
        api.MapJobsEndpoints();
        api.MapJobsitesEndpoints();
        api.MapBackofficeJobsitesEndpoints();
        return app;
    }
}
