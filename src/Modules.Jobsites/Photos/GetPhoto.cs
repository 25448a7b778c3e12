using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Jobsites.Contracts.Photos;

namespace Portal.Modules.Jobsites.Photos;

internal sealed class GetPhotoQueryHandler(IDatabase db, PhotoStore store) : IRequestHandler<GetPhotoQuery, PhotoDto?>
{
    public async Task<PhotoDto?> Handle(GetPhotoQuery query, CancellationToken ct)
    {
        const string sql = """
            select id, content_type, size_bytes, caption from jobsites_photos
            where id = @PhotoId and account_id = @AccountId
            """;
        var photo = await db.QuerySingleOrDefaultAsync<PhotoRow>(sql, query, ct);
        if (photo is null)
            return null;
        var format = PhotoFormat.FromContentType(photo.ContentType);
        var path = store.PathOf(photo.Id, format);
        // Another host took the upload: fetch it from the database into this host's copy once. Photos from before the
        // database kept them have no content there and are served from the disk that has them.
        if (!File.Exists(path)
            && await db.QuerySingleOrDefaultAsync<byte[]>("select content from jobsites_photos where id = @Id", new { photo.Id }, ct) is { } content)
            await store.SaveAsync(photo.Id, format, new MemoryStream(content, writable: false), ct);
        return new PhotoDto(photo.Id, photo.ContentType, path, photo.SizeBytes, photo.Caption);
    }

    private sealed class PhotoRow
    {
        public Guid Id { get; init; }
        public string ContentType { get; init; } = "";
        public long SizeBytes { get; init; }
        public string? Caption { get; init; }
    }
}
