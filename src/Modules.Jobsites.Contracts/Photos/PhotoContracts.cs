using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Jobsites.Contracts.Photos;

/// <summary>
/// Stores the JPEG or PNG the Host wrote to SourceFilePath as a photo of the visit (the caller deletes its own file).
/// 404 for an unknown visit; 422 photo_too_large above 10 MB, photo_type_not_supported when the content is neither. Returns the photo id.
/// </summary>
public sealed record AddVisitPhotoCommand(Guid VisitId, string SourceFilePath, string? Caption) : ICommand<Guid>;

/// <summary>Where a photo of the account is stored, for the Host to stream; null when it does not exist or belongs to another account.</summary>
public sealed record GetPhotoQuery(Guid AccountId, Guid PhotoId) : IQuery<PhotoDto?>;

/// <summary>A stored photo: its file on disk, content type (image/jpeg or image/png) and size in bytes.</summary>
public sealed record PhotoDto(Guid PhotoId, string ContentType, string FilePath, long SizeBytes, string? Caption);
