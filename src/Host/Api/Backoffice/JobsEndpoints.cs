using Portal.Host.Jobs;

namespace Portal.Host.Api.Backoffice;

internal static class JobsEndpoints
{
    public static void MapJobsEndpoints(this RouteGroupBuilder api) =>
        api.MapPost("/backoffice/jobs/{job}/run", async (string job, JobRunner runner, CancellationToken ct) =>
                Results.Ok(await runner.RunAsync(job, ct)))
            .RequireAuthorization(AuthPolicies.Staff)
            .WithName("RunJob");
}
