namespace Portal.Modules.Jobsites.Photos;

// Photos are recognised by their first bytes, because file names and declared content types can lie.
internal sealed class PhotoFormat
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static readonly PhotoFormat Jpeg = new("image/jpeg", ".jpg", [0xFF, 0xD8, 0xFF]);

    public static readonly PhotoFormat Png = new("image/png", ".png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    private static readonly PhotoFormat[] All = [Jpeg, Png];

    private readonly byte[] signature;

    private PhotoFormat(string contentType, string extension, byte[] signature)
    {
        ContentType = contentType;
        Extension = extension;
        this.signature = signature;
    }

    public static int HeaderLength { get; } = All.Max(f => f.signature.Length);

    public string ContentType { get; }

    public string Extension { get; }

    public static PhotoFormat? Detect(ReadOnlySpan<byte> header)
    {
        foreach (var format in All)
            if (header.StartsWith(format.signature))
                return format;
        return null;
    }

    public static PhotoFormat FromContentType(string contentType) =>
        All.FirstOrDefault(f => f.ContentType == contentType)
        ?? throw new InvalidOperationException($"Unknown stored photo content type '{contentType}'.");
}
