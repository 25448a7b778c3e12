using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Jobsites.Contracts.Jobsites;
using Portal.Modules.Jobsites.Contracts.Photos;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.IntegrationTests.Jobsites;

public abstract class PhotoTests(SqlDialect dialect) : IntegrationTest(dialect), IDisposable
{
    private const long TenMegabytes = 10 * 1024 * 1024;
    private static readonly byte[] JpegStart = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46];
    private static readonly byte[] PngStart = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00];
    private static readonly byte[] GifStart = "GIF89a"u8.ToArray();

    private readonly string photoDirectory = Path.Combine(Path.GetTempPath(), $"portal-photos-{Guid.NewGuid():N}");
    private readonly string uploadDirectory = Directory.CreateTempSubdirectory("portal-uploads-").FullName;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Jobsites:PhotoDirectory"] = photoDirectory };

    [DbFact]
    public async Task AddVisitPhoto_stores_a_jpeg_under_its_id_and_GetPhoto_returns_the_file()
    {
        var (accountId, _, visitId) = await AVisitAsync();
        var upload = Upload("lawn.jpg", [.. JpegStart, 1, 2, 3]);

        var photoId = await Portal.SendAsync(new AddVisitPhotoCommand(visitId, upload, "Front lawn after mowing"));

        var photo = await Portal.SendAsync(new GetPhotoQuery(accountId, photoId));
        Assert.NotNull(photo);
        Assert.Equal((photoId, "image/jpeg", 13L, "Front lawn after mowing"), (photo.PhotoId, photo.ContentType, photo.SizeBytes, photo.Caption));
        Assert.Equal(Path.Combine(photoDirectory, $"{photoId:N}.jpg"), photo.FilePath);
        Assert.Equal(await File.ReadAllBytesAsync(upload), await File.ReadAllBytesAsync(photo.FilePath));
        Assert.Equal([photo.FilePath], Directory.GetFiles(photoDirectory));
    }

    [DbFact]
    public async Task AddVisitPhoto_detects_png_by_content_whatever_the_file_name()
    {
        var (accountId, _, visitId) = await AVisitAsync();

        var photoId = await Portal.SendAsync(new AddVisitPhotoCommand(visitId, Upload("really-a-png.jpg", [.. PngStart, 7]), null));

        var photo = await Portal.SendAsync(new GetPhotoQuery(accountId, photoId));
        Assert.Equal(("image/png", ".png", (string?)null), (photo!.ContentType, Path.GetExtension(photo.FilePath), photo.Caption));
    }

    [DbFact]
    public async Task AddVisitPhoto_with_other_content_is_type_not_supported_and_stores_nothing()
    {
        var (_, _, visitId) = await AVisitAsync();

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Portal.SendAsync(new AddVisitPhotoCommand(visitId, Upload("photo.jpg", [.. GifStart, 0, 0, 0]), "Not a JPEG")));

        Assert.Equal("photo_type_not_supported", error.Code);
        Assert.False(Directory.Exists(photoDirectory) && Directory.EnumerateFileSystemEntries(photoDirectory).Any());
        Assert.Equal(0L, (await Portal.QueryAsync<long>("select count(*) from jobsites_photos")).Single());
    }

    [DbFact]
    public async Task AddVisitPhoto_of_an_empty_file_is_type_not_supported()
    {
        var (_, _, visitId) = await AVisitAsync();

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Portal.SendAsync(new AddVisitPhotoCommand(visitId, Upload("empty.png", []), null)));

        Assert.Equal("photo_type_not_supported", error.Code);
    }

    [DbFact]
    public async Task AddVisitPhoto_over_10_MB_is_too_large()
    {
        var (_, _, visitId) = await AVisitAsync();

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            Portal.SendAsync(new AddVisitPhotoCommand(visitId, Upload("big.jpg", JpegStart, TenMegabytes + 1), null)));

        Assert.Equal("photo_too_large", error.Code);
        Assert.Equal(0L, (await Portal.QueryAsync<long>("select count(*) from jobsites_photos")).Single());
    }

    [DbFact]
    public async Task AddVisitPhoto_of_exactly_10_MB_is_stored()
    {
        var (accountId, _, visitId) = await AVisitAsync();

        var photoId = await Portal.SendAsync(new AddVisitPhotoCommand(visitId, Upload("limit.jpg", JpegStart, TenMegabytes), null));

        Assert.Equal(TenMegabytes, (await Portal.SendAsync(new GetPhotoQuery(accountId, photoId)))!.SizeBytes);
    }

    [DbFact]
    public async Task AddVisitPhoto_for_unknown_visit_is_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(() =>
            Portal.SendAsync(new AddVisitPhotoCommand(Guid.NewGuid(), Upload("a.jpg", JpegStart), null)));
    }

    [DbFact]
    public async Task GetPhoto_of_another_account_is_null()
    {
        var (_, _, visitId) = await AVisitAsync();
        var other = await Portal.AnAccountAsync("A-2");
        var photoId = await Portal.SendAsync(new AddVisitPhotoCommand(visitId, Upload("a.jpg", JpegStart), null));

        Assert.Null(await Portal.SendAsync(new GetPhotoQuery(other, photoId)));
    }

    [DbFact]
    public async Task GetJobsite_lists_each_visits_photos_in_the_order_added()
    {
        var (accountId, jobsiteId, visitId) = await AVisitAsync();
        var otherVisit = await Portal.AVisitAsync(jobsiteId, Portal.Clock.GetUtcNow().AddDays(-7));
        var before = await Portal.SendAsync(new AddVisitPhotoCommand(visitId, Upload("1.jpg", JpegStart), "Before"));
        Portal.Clock.Advance(TimeSpan.FromHours(1));
        var after = await Portal.SendAsync(new AddVisitPhotoCommand(visitId, Upload("2.png", PngStart), "After"));

        var jobsite = await Portal.SendAsync(new GetJobsiteQuery(accountId, jobsiteId));

        Assert.Equal([new VisitPhotoDto(before, "Before"), new VisitPhotoDto(after, "After")], jobsite!.Visits.Single(v => v.VisitId == visitId).Photos);
        Assert.Empty(jobsite.Visits.Single(v => v.VisitId == otherVisit).Photos);
    }

    public void Dispose()
    {
        foreach (var directory in new[] { photoDirectory, uploadDirectory })
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    private async Task<(Guid AccountId, Guid JobsiteId, Guid VisitId)> AVisitAsync()
    {
        var accountId = await Portal.AnAccountAsync();
        var jobsiteId = await Portal.AJobsiteAsync(accountId);
        return (accountId, jobsiteId, await Portal.AVisitAsync(jobsiteId, Portal.Clock.GetUtcNow(), "Mowing"));
    }

    // The Host writes each upload to a temp file under a name of its own; the user's file name never reaches the module.
    private string Upload(string label, byte[] content, long? length = null)
    {
        var path = Path.Combine(uploadDirectory, Guid.NewGuid().ToString("N") + Path.GetExtension(label));
        using var file = File.Create(path);
        file.Write(content);
        if (length is { } size)
            file.SetLength(size);
        return path;
    }
}

public sealed class PhotoTestsOnSqlite() : PhotoTests(SqlDialect.Sqlite);

public sealed class PhotoTestsOnPostgres() : PhotoTests(SqlDialect.Postgres), IPostgresTest;
