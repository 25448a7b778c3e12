using System.Globalization;
using MediatR;
using Portal.Host.Infrastructure;
using Portal.Modules.Jobsites.Contracts.Jobsites;
using Portal.Modules.Jobsites.Contracts.Photos;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.Host.Api.Jobsites;

internal static class JobsitesEndpoints
{
    public static void MapJobsitesEndpoints(this RouteGroupBuilder api)
    {
        var account = api.MapGroup("/accounts/{accountId:guid}").RequireAccount(AccountPermission.ViewWork);

        account.MapGet("/jobsites", async (Guid accountId, IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new GetJobsitesQuery(accountId), ct)));

        account.MapGet("/jobsites/{jobsiteId:guid}", async (Guid accountId, Guid jobsiteId, IMediator mediator, CancellationToken ct) =>
            await mediator.Send(new GetJobsiteQuery(accountId, jobsiteId), ct) is { } jobsite
                ? Results.Ok(JobsiteResponse.From(jobsite))
                : NotFound("There is no such jobsite."));

        account.MapGet("/visits", async (Guid accountId, string? from, string? to, IMediator mediator, CancellationToken ct) =>
        {
            if (!TryParseDay(from, out var fromDay) || !TryParseDay(to, out var toDay))
                return Results.ValidationProblem(new Dictionary<string, string[]> { [TryParseDay(from, out _) ? "to" : "from"] = ["Give days as YYYY-MM-DD."] });
            return Results.Ok(await mediator.Send(new GetVisitsQuery(accountId, fromDay, toDay), ct));
        });

        account.MapGet("/photos/{photoId:guid}", async (Guid accountId, Guid photoId, IMediator mediator, HttpContext http, CancellationToken ct) =>
        {
            if (await mediator.Send(new GetPhotoQuery(accountId, photoId), ct) is not { } photo || !File.Exists(photo.FilePath))
                return NotFound("There is no such photo.");
            // Photos are private to the account's members: shared caches must never keep them.
            http.Response.Headers.CacheControl = "private";
            return Results.File(photo.FilePath, photo.ContentType);
        });
    }

    public static string PhotoUrl(Guid accountId, Guid photoId) => $"/api/accounts/{accountId}/photos/{photoId}";

    // Only the contract's YYYY-MM-DD: a culture's reading of 03/10/2026 could be either March or October.
    private static bool TryParseDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrEmpty(text))
            return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        day = parsed;
        return true;
    }

    private static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: detail);

    private sealed record JobsiteResponse(
        Guid JobsiteId, string Name, string Address, double Latitude, double Longitude, IReadOnlyList<VisitResponse> Visits)
    {
        public static JobsiteResponse From(JobsiteDto jobsite) => new(
            jobsite.JobsiteId, jobsite.Name, jobsite.Address, jobsite.Latitude, jobsite.Longitude,
            jobsite.Visits.Select(v => new VisitResponse(
                v.VisitId, v.ScheduledStart, v.ScheduledEnd, v.Status, v.Services, v.Materials, v.Notes,
                v.Photos.Select(p => new PhotoResponse(p.PhotoId, p.Caption, PhotoUrl(jobsite.AccountId, p.PhotoId))).ToList(),
                v.StartedAt, v.CompletedAt)).ToList());
    }

    private sealed record VisitResponse(
        Guid VisitId,
        DateTimeOffset ScheduledStart,
        DateTimeOffset ScheduledEnd,
        VisitStatus Status,
        IReadOnlyList<VisitServiceDto> Services,
        IReadOnlyList<MaterialDto> Materials,
        string? Notes,
        IReadOnlyList<PhotoResponse> Photos,
        DateTimeOffset? StartedAt,
        DateTimeOffset? CompletedAt);

    private sealed record PhotoResponse(Guid PhotoId, string? Caption, string Url);
}
