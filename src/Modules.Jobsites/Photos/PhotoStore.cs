namespace Portal.Modules.Jobsites.Photos;

// One file per photo named by its id, so nothing a user typed ever becomes a path.
internal sealed class PhotoStore(string directory)
{
    public const string DefaultDirectory = "data/photos";

    public string Directory { get; } = Path.GetFullPath(directory);

    public string PathOf(Guid photoId, PhotoFormat format) => Path.Combine(Directory, photoId.ToString("N") + format.Extension);

    public async Task SaveAsync(Guid photoId, PhotoFormat format, Stream content, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var target = PathOf(photoId, format);
        // Two requests may fill this host's copy at once: each writes its own partial file, and the same bytes win either way.
        var partial = $"{target}.{Guid.NewGuid():N}.partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                await content.CopyToAsync(file, ct);
            // Readers never see a half-written photo: the file appears under its real name only when complete.
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public void Delete(Guid photoId, PhotoFormat format) => File.Delete(PathOf(photoId, format));
}
