namespace Portal.Host.Documents;

/// <summary>
/// Who issues the documents (`Portal:Business:Name`, `Address`, `Phone`, `Email`, `LogoPath`). The logo, a PNG or JPEG
/// file, is read once at start so that a wrong path fails the start rather than every document.
/// </summary>
internal sealed record BusinessProfile(string Name, IReadOnlyList<string> AddressLines, byte[]? Logo)
{
    private const int MaxLogoBytes = 2 * 1024 * 1024;

    public static BusinessProfile From(IConfiguration config, string contentRoot)
    {
        var section = config.GetSection("Portal:Business");
        var name = section["Name"] is { Length: > 0 } configured ? configured.Trim() : "Portal";
        var lines = (section["Address"] ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var contact in new[] { section["Phone"], section["Email"] })
            if (!string.IsNullOrWhiteSpace(contact))
                lines.Add(contact.Trim());
        return new BusinessProfile(name, lines, ReadLogo(section["LogoPath"], contentRoot));
    }

    private static byte[]? ReadLogo(string? path, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(path))
            return null;
        var full = Path.Combine(contentRoot, path);
        if (!File.Exists(full))
            throw new InvalidOperationException($"Portal:Business:LogoPath names {full}, which does not exist.");
        var bytes = File.ReadAllBytes(full);
        var png = bytes.Length > 8 && bytes[0] == 0x89 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G';
        var jpeg = bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;
        if (!png && !jpeg || bytes.Length > MaxLogoBytes)
            throw new InvalidOperationException("Portal:Business:LogoPath must name a PNG or JPEG file of at most 2 MB.");
        return bytes;
    }
}
