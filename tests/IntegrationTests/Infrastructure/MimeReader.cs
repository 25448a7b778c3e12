using System.Text;
using System.Text.RegularExpressions;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>Just enough MIME to read what MimeKit writes: headers, multipart parts, base64 and quoted-printable.</summary>
internal sealed partial class MimeReader
{
    private readonly Dictionary<string, string> headers;
    private readonly string body;

    private MimeReader(Dictionary<string, string> headers, string body)
    {
        this.headers = headers;
        this.body = body;
    }

    public static MimeReader Read(string raw)
    {
        var normalized = raw.Replace("\r\n", "\n");
        var split = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        var head = split < 0 ? normalized : normalized[..split];
        var rest = split < 0 ? "" : normalized[(split + 2)..];
        var parsed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split('\n'))
        {
            if ((line.StartsWith(' ') || line.StartsWith('\t')) && last is not null)
                parsed[last] += " " + line.Trim();
            else if (line.IndexOf(':') is var colon and > 0)
                parsed[last = line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        return new MimeReader(parsed, rest);
    }

    public string Header(string name) => headers.TryGetValue(name, out var value) ? DecodeWords(value) : "";

    public string Part(string mediaType)
    {
        var contentType = headers.GetValueOrDefault("Content-Type", "text/plain");
        if (contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = BoundaryPattern().Match(contentType).Groups[1].Value.Trim('"');
            foreach (var chunk in body.Split("--" + boundary).Skip(1))
            {
                if (chunk.StartsWith("--", StringComparison.Ordinal))
                    break;
                var found = Read(chunk.TrimStart('\n')).Part(mediaType);
                if (found.Length > 0)
                    return found;
            }
            return "";
        }
        return contentType.StartsWith(mediaType, StringComparison.OrdinalIgnoreCase) ? Decode(body) : "";
    }

    private string Decode(string content)
    {
        var encoding = headers.GetValueOrDefault("Content-Transfer-Encoding", "7bit").ToLowerInvariant();
        return encoding switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(content.Where(c => !char.IsWhiteSpace(c))))),
            "quoted-printable" => QuotedPrintable(content),
            _ => content,
        };
    }

    private static string QuotedPrintable(string content)
    {
        var bytes = new List<byte>();
        var text = content.Replace("=\n", "");
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string DecodeWords(string value) =>
        EncodedWordPattern().Replace(AdjacentWordsPattern().Replace(value, "?==?"), m => m.Groups[2].Value.ToUpperInvariant() == "B"
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
            : QuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex AdjacentWordsPattern();

    [GeneratedRegex("boundary=(\"[^\"]+\"|[^;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWordPattern();
}
