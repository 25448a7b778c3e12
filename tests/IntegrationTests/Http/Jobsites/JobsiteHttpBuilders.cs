using System.Net.Http.Headers;
using Portal.Host.Infrastructure;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Jobsites.Contracts.Jobsites;
using Portal.Modules.Jobsites.Contracts.Photos;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.IntegrationTests.Http.Jobsites;

/// <summary>Arranges jobsites, visits and photos through the module's commands, and builds photo uploads.</summary>
public static class JobsiteHttpBuilders
{
    public static readonly byte[] JpegStart = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00];
    public static readonly byte[] Gif = [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0];

    public static byte[] Png() => DemoPhotos.Png(4, 3, (120, 200, 120), (40, 120, 60));

    public static Task<Guid> AJobsiteAsync(this PortalWebFactory portal, Guid accountId, string name = "Oak Street", double latitude = 39.78, double longitude = -89.65) =>
        portal.SendAsync(new CreateJobsiteCommand(accountId, name, $"1 {name}, Springfield", latitude, longitude));

    public static Task<Guid> AVisitAsync(this PortalWebFactory portal, Guid jobsiteId, DateTimeOffset start, params string[] services) =>
        portal.SendAsync(new ScheduleVisitCommand(jobsiteId, start, start.AddHours(2), services.Select(s => new PlannedServiceDto(s)).ToList()));

    public static Task UpdateAsync(this PortalWebFactory portal, Guid visitId, VisitStatus status, params VisitServiceDto[] services) =>
        portal.SendAsync(new UpdateVisitCommand(visitId, status, services, [], null));

    public static async Task<Guid> APhotoAsync(this PortalWebFactory portal, Guid visitId, byte[] content, string? caption = null)
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, content);
            return await portal.SendAsync(new AddVisitPhotoCommand(visitId, path, caption));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A multipart upload as a browser sends it; the declared type and name are deliberately whatever the caller says.</summary>
    public static MultipartFormDataContent Upload(byte[] content, string fileName = "photo.jpg", string contentType = "image/jpeg", string? caption = "Front lawn")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (caption is not null)
            form.Add(new StringContent(caption), "caption");
        return form;
    }

    public static byte[] Sized(byte[] start, long length)
    {
        var bytes = new byte[length];
        start.CopyTo(bytes, 0);
        return bytes;
    }
}
