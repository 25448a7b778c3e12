using MediatR;
using Microsoft.AspNetCore.Mvc;
using Portal.Modules.Jobsites.Contracts.Jobsites;
using Portal.Modules.Jobsites.Contracts.Photos;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.Host.Api.Jobsites;

internal static class BackofficeJobsitesEndpoints
{
    // The module allows 10 MB of photo; the rest leaves room for the caption and the multipart framing.
    public const long MaxPhotoRequestBytes = 10 * 1024 * 1024 + 64 * 1024;

    public static void MapBackofficeJobsitesEndpoints(this RouteGroupBuilder api)
    {
        var backoffice = api.MapGroup("/backoffice").RequireAuthorization(AuthPolicies.Staff);

        backoffice.MapPost("/jobsites", async (CreateJobsiteRequest body, IMediator mediator, CancellationToken ct) =>
        {
            var id = await mediator.Send(new CreateJobsiteCommand(
                body.AccountId ?? Guid.Empty, body.Name ?? "", body.Address ?? "", body.Latitude ?? double.NaN, body.Longitude ?? double.NaN), ct);
            return Results.Created((string?)null, new { jobsiteId = id });
        });

        backoffice.MapPost("/jobsites/{jobsiteId:guid}/visits", async (Guid jobsiteId, ScheduleVisitRequest body, IMediator mediator, CancellationToken ct) =>
        {
            if (body.ScheduledStart is not { } start || body.ScheduledEnd is not { } end)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["scheduledStart"] = ["Give scheduledStart and scheduledEnd as ISO 8601 instants."] });
            var services = body.Services?.Select(s => s is null ? null! : new PlannedServiceDto(s.Name ?? "")).ToList();
            var id = await mediator.Send(new ScheduleVisitCommand(jobsiteId, start, end, services!), ct);
            return Results.Created((string?)null, new { visitId = id });
        });

        backoffice.MapPut("/visits/{visitId:guid}", async (Guid visitId, UpdateVisitRequest body, IMediator mediator, CancellationToken ct) =>
        {
            var services = body.Services?.Select(s => s is null ? null! : new VisitServiceDto(s.Name ?? "", s.Status ?? 0)).ToList();
            var materials = body.Materials?.Select(m => m is null ? null! : new MaterialDto(m.Name ?? "", m.Quantity ?? 0, m.Unit ?? "")).ToList();
            await mediator.Send(new UpdateVisitCommand(visitId, body.Status ?? 0, services!, materials!, body.Notes), ct);
            return Results.NoContent();
        });

        backoffice.MapPost("/visits/{visitId:guid}/photos", async (Guid visitId, HttpRequest request, IMediator mediator, CancellationToken ct) =>
        {
            // Refused before reading: a client that says it sends more than the limit is not made to upload it all.
            if (request.ContentLength > MaxPhotoRequestBytes)
                return TooLarge();
            if (!request.HasFormContentType)
                return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The request could not be read.",
                    detail: "Send the photo as multipart/form-data with a 'file' part and an optional 'caption'.");
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (InvalidDataException)
            {
                return TooLarge();
            }
            if (form.Files.GetFile("file") is not { } file)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Attach the photo as the 'file' part."] });

            // The module checks type and size by content; the user's file name never becomes a path.
            var temp = Path.Combine(Path.GetTempPath(), $"portal-upload-{Guid.NewGuid():N}");
            try
            {
                await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                    await file.CopyToAsync(target, ct);
                var id = await mediator.Send(new AddVisitPhotoCommand(visitId, temp, form["caption"].ToString()), ct);
                return Results.Created((string?)null, new { photoId = id });
            }
            finally
            {
                File.Delete(temp);
            }
        })
        .WithMetadata(new RequestSizeLimitAttribute(MaxPhotoRequestBytes), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxPhotoRequestBytes });
    }

    private static IResult TooLarge() =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request could not be read.", detail: "A photo may be at most 10 MB.");

    private sealed record CreateJobsiteRequest(Guid? AccountId, string? Name, string? Address, double? Latitude, double? Longitude);

    private sealed record ScheduleVisitRequest(DateTimeOffset? ScheduledStart, DateTimeOffset? ScheduledEnd, IReadOnlyList<ServiceRequest?>? Services);

    private sealed record UpdateVisitRequest(
        VisitStatus? Status, IReadOnlyList<ServiceRequest?>? Services, IReadOnlyList<MaterialRequest?>? Materials, string? Notes);

    private sealed record ServiceRequest(string? Name, ServiceStatus? Status);

    private sealed record MaterialRequest(string? Name, decimal? Quantity, string? Unit);
}
