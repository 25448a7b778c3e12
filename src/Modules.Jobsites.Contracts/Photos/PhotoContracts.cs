using Portal.BuildingBlocks.Mediation;

namespace Portal.Modules.Jobsites.Contracts.Photos;

/// <summary>Copies the JPEG or PNG (at most 10 MB, checked by content) at SourceFilePath into the photo store; returns the photo id.</summary>
// 404 for an unknown visit; 422 photo_too_large or photo_type_not_supported. The caller keeps and deletes its own file.
public sealed record AddVisitPhotoCommand(Guid VisitId, string SourceFilePath, string? Caption) : ICommand<Guid>;

/// <summary>Where a photo of the account is stored, for the Host to stream; null when it does not exist or belongs to another account.</summary>
public sealed record GetPhotoQuery(Guid AccountId, Guid PhotoId) : IQuery<PhotoDto?>;

/// <summary>A stored photo: its file on disk, content type (image/jpeg or image/png) and size in bytes.</summary>
public sealed record PhotoDto(Guid PhotoId, string ContentType, string FilePath, long SizeBytes, string? Caption);
