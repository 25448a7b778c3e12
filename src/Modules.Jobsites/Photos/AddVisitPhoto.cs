using FluentValidation;
using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.Modules.Jobsites.Contracts.Photos;

namespace Portal.Modules.Jobsites.Photos;

internal sealed class AddVisitPhotoCommandValidator : AbstractValidator<AddVisitPhotoCommand>
{
    public AddVisitPhotoCommandValidator()
    {
        RuleFor(c => c.VisitId).NotEmpty();
        RuleFor(c => c.SourceFilePath).NotEmpty();
        RuleFor(c => c.Caption).MaximumLength(500);
    }
}

internal sealed class AddVisitPhotoCommandHandler(IDatabase db, PhotoStore store, TimeProvider clock) : IRequestHandler<AddVisitPhotoCommand, Guid>
{
    public async Task<Guid> Handle(AddVisitPhotoCommand command, CancellationToken ct)
    {
        const string findVisit = "select account_id from jobsites_visits where id = @VisitId";
        var visit = await db.QuerySingleOrDefaultAsync<VisitAccountRow>(findVisit, new { command.VisitId }, ct)
            ?? throw new NotFoundException($"Visit {command.VisitId} was not found.");

        await using var source = new FileStream(command.SourceFilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var size = source.Length;
        if (size > PhotoFormat.MaxBytes)
            throw new BusinessRuleException("photo_too_large", $"A photo may be at most {PhotoFormat.MaxBytes / (1024 * 1024)} MB.");
        var header = new byte[PhotoFormat.HeaderLength];
        var read = await source.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        var format = PhotoFormat.Detect(header.AsSpan(0, read))
            ?? throw new BusinessRuleException("photo_type_not_supported", "Only JPEG and PNG photos are accepted.");
        source.Position = 0;
        // The database is the one place every host reads (at most 10 MB a photo); the file is this host's cache of it.
        var content = new byte[size];
        await source.ReadExactlyAsync(content, ct);

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await store.SaveAsync(id, format, new MemoryStream(content, writable: false), ct);
        const string sql = """
            insert into jobsites_photos (id, visit_id, account_id, content_type, size_bytes, caption, created_at, content)
            values (@Id, @VisitId, @AccountId, @ContentType, @SizeBytes, @Caption, @Now, @Content)
            """;
        try
        {
            await db.ExecuteAsync(sql, new
            {
                Id = id,
                command.VisitId,
                visit.AccountId,
                format.ContentType,
                SizeBytes = size,
                Caption = string.IsNullOrWhiteSpace(command.Caption) ? null : command.Caption.Trim(),
                Now = now,
                Content = content,
            }, ct);
        }
        catch
        {
            // Should the commit itself fail later, the file stays behind unreferenced: harmless, and never served.
            store.Delete(id, format);
            throw;
        }
        return id;
    }

    private sealed class VisitAccountRow
    {
        public Guid AccountId { get; init; }
    }
}
