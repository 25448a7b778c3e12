using MediatR;
using Portal.Modules.Jobsites.Contracts.Jobsites;
using Portal.Modules.Jobsites.Contracts.Photos;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.Host.Infrastructure;

/// <summary>Demo jobsites around Springfield with visits in every state, materials, notes and a few photos.</summary>
internal static class DemoJobsites
{
    private static readonly (byte, byte, byte) Grass = (126, 200, 80);
    private static readonly (byte, byte, byte) DarkGrass = (60, 130, 50);
    private static readonly (byte, byte, byte) Mulch = (140, 90, 50);
    private static readonly (byte, byte, byte) Bark = (90, 60, 30);

    public static async Task SeedAsync(IMediator mediator, Guid greenway, Guid oak, DateTimeOffset now, CancellationToken ct)
    {
        // Visits start on the hour so the timeline reads like a real schedule.
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);

        var clubhouse = await Jobsite(greenway, "Clubhouse & Pool", "100 Greenway Blvd, Springfield, IL", 39.7990, -89.6440);
        var earlier = await Visit(clubhouse, today.AddDays(-10).AddHours(14), 3, "Mowing", "Edging");
        await Update(earlier, VisitStatus.Completed, [("Mowing", ServiceStatus.Completed), ("Edging", ServiceStatus.Completed)],
            [new MaterialDto("Fertilizer", 2, "bag")], "Pool gate left closed as asked.");
        await Photo(earlier, DemoPhotos.Png(96, 72, Grass, DarkGrass), "Lawn after mowing");
        await Photo(earlier, DemoPhotos.Png(96, 72, DarkGrass, Grass), "Edged walkway by the pool");
        var underway = await Visit(clubhouse, today.AddHours(13), 4, "Leaf cleanup", "Mowing", "Hedge trimming");
        await Update(underway, VisitStatus.InProgress,
            [("Leaf cleanup", ServiceStatus.Completed), ("Mowing", ServiceStatus.InProgress), ("Hedge trimming", ServiceStatus.Planned)],
            [new MaterialDto("Leaf bags", 12, "bag")], "Crew on site since 1 pm.");
        await Visit(clubhouse, today.AddDays(7).AddHours(14), 3, "Mowing", "Edging");

        var entrance = await Jobsite(greenway, "North Entrance", "1 Greenway Blvd, Springfield, IL", 39.8050, -89.6620);
        var mulched = await Visit(entrance, today.AddDays(-2).AddHours(15), 2, "Mulching", "Flower bed weeding");
        await Update(mulched, VisitStatus.Completed, [("Mulching", ServiceStatus.Completed), ("Flower bed weeding", ServiceStatus.Completed)],
            [new MaterialDto("Hardwood mulch", 3.5m, "yd"), new MaterialDto("Landscape fabric", 40, "ft")], "Sign bed refreshed.");
        await Photo(mulched, DemoPhotos.Png(96, 72, Mulch, Bark), "Fresh mulch around the sign");
        await Visit(entrance, today.AddDays(3).AddHours(16), 2, "Irrigation check");

        var common = await Jobsite(greenway, "Maple Lane Common", "40 Maple Ln, Springfield, IL", 39.7860, -89.6300);
        var rained = await Visit(common, today.AddDays(-1).AddHours(14), 2, "Aeration");
        await Update(rained, VisitStatus.Cancelled, [("Aeration", ServiceStatus.Planned)], [], "Cancelled for heavy rain; moved to tomorrow.");
        await Visit(common, today.AddDays(1).AddHours(14), 2, "Aeration", "Overseeding");

        var pond = await Jobsite(greenway, "South Pond", "250 Lakeview Dr, Springfield, IL", 39.7720, -89.6550);
        await Visit(pond, today.AddDays(2).AddHours(15), 2, "Shoreline trimming");
        await Visit(pond, today.AddDays(14).AddHours(15), 3, "Mowing", "Trash pickup");

        var offices = await Jobsite(oak, "Oak Street Offices", "12 Oak St, Springfield, IL", 39.8010, -89.6480);
        await Visit(offices, today.AddDays(4).AddHours(13), 2, "Snow stake install");

        Task<Guid> Jobsite(Guid account, string name, string address, double latitude, double longitude) =>
            mediator.Send(new CreateJobsiteCommand(account, name, address, latitude, longitude), ct);

        Task<Guid> Visit(Guid jobsite, DateTimeOffset start, int hours, params string[] services) =>
            mediator.Send(new ScheduleVisitCommand(jobsite, start, start.AddHours(hours), services.Select(s => new PlannedServiceDto(s)).ToList()), ct);

        Task Update(Guid visit, VisitStatus status, (string Name, ServiceStatus Status)[] services, MaterialDto[] materials, string notes) =>
            mediator.Send(new UpdateVisitCommand(visit, status, services.Select(s => new VisitServiceDto(s.Name, s.Status)).ToList(), materials, notes), ct);

        async Task Photo(Guid visit, byte[] png, string caption)
        {
            var path = Path.Combine(Path.GetTempPath(), $"portal-demo-{Guid.NewGuid():N}");
            try
            {
                await File.WriteAllBytesAsync(path, png, ct);
                await mediator.Send(new AddVisitPhotoCommand(visit, path, caption), ct);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
