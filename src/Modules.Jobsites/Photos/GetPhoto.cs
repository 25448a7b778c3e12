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
        return photo is null ? null
            : new PhotoDto(photo.Id, photo.ContentType, store.PathOf(photo.Id, PhotoFormat.FromContentType(photo.ContentType)), photo.SizeBytes, photo.Caption);
    }

    private sealed class PhotoRow
    {
        public Guid Id { get; init; }
        public string ContentType { get; init; } = "";
        public long SizeBytes { get; init; }
        public string? Caption { get; init; }
    }
}
