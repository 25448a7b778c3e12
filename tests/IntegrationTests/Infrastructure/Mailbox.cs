using System.Text.RegularExpressions;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>The pickup folder the portal writes .eml files to, read back by tests.</summary>
public sealed partial class Mailbox(string directory) : IDisposable
{
    public string Directory { get; } = directory;

    public static Mailbox CreateTemporary()
    {
        var path = Path.Combine(Path.GetTempPath(), $"portal-mail-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(path);
        return new Mailbox(path);
    }

    public IReadOnlyList<MailItem> All() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.eml")
            .Select(file => (file, info: new FileInfo(file)))
            .OrderBy(f => f.info.CreationTimeUtc).ThenBy(f => f.file)
            .Select(f => MailItem.Parse(File.ReadAllText(f.file)))
            .ToList();

    public IReadOnlyList<MailItem> To(string address) =>
        All().Where(m => m.To.Contains(address, StringComparison.OrdinalIgnoreCase)).ToList();

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
            System.IO.Directory.Delete(Directory, recursive: true);
    }
}

/// <summary>One sent email: headers and its decoded text and HTML parts.</summary>
public sealed partial record MailItem(string To, string Subject, string Text, string Html)
{
    public static MailItem Parse(string raw)
    {
        var message = MimeReader.Read(raw);
        return new MailItem(message.Header("To"), message.Header("Subject"), message.Part("text/plain"), message.Part("text/html"));
    }

    /// <summary>The first link in the text part that starts with the given prefix.</summary>
    public string? LinkStartingWith(string prefix) =>
        LinkPattern().Matches(Text).Select(m => m.Value).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkPattern();
}
