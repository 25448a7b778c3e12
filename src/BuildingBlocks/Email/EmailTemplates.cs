using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Portal.BuildingBlocks.Email;

/// <summary>
/// Renders an email from a module's embedded templates <c>emails/{kind}.txt</c> (first line <c>Subject: …</c>) and
/// <c>emails/{kind}.html</c>. <c>{{name}}</c> inserts a value (HTML-encoded in the HTML part); <c>{{#name}}…{{/name}}</c>
/// keeps its text only when the value is non-empty, <c>{{^name}}…{{/name}}</c> only when it is empty or missing.
/// A placeholder without a value throws, so a template typo fails its test instead of mailing "{{amount}}".
/// </summary>
public static partial class EmailTemplates
{
    private static readonly ConcurrentDictionary<(Assembly, string), string> Cache = new();

    public static EmailMessage Render(Assembly module, string kind, string to, IReadOnlyDictionary<string, string?> values)
    {
        var text = Fill(Load(module, kind + ".txt"), values, html: false).Replace("\r\n", "\n");
        var newline = text.IndexOf('\n');
        var first = newline < 0 ? text : text[..newline];
        if (!first.StartsWith("Subject:", StringComparison.Ordinal))
            throw new InvalidOperationException($"Email template {kind}.txt must start with a 'Subject:' line.");
        var body = newline < 0 ? "" : text[(newline + 1)..].TrimStart('\n');
        var html = Fill(Load(module, kind + ".html"), values, html: true);
        return new EmailMessage(to, first["Subject:".Length..].Trim(), body, Layout(html));
    }

    private static string Load(Assembly module, string file) => Cache.GetOrAdd((module, file), key =>
    {
        using var stream = key.Item1.GetManifestResourceStream("emails/" + key.Item2)
            ?? throw new InvalidOperationException($"{key.Item1.GetName().Name} has no email template {key.Item2}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static string Fill(string template, IReadOnlyDictionary<string, string?> values, bool html)
    {
        var sections = Section().Replace(template, m =>
        {
            var present = values.TryGetValue(m.Groups["name"].Value, out var v) && !string.IsNullOrEmpty(v);
            return present == (m.Groups["kind"].Value == "#") ? m.Groups["body"].Value : "";
        });
        return Placeholder().Replace(sections, m => values.TryGetValue(m.Groups["name"].Value, out var value) && value is not null
            ? html ? WebUtility.HtmlEncode(value) : value
            : throw new InvalidOperationException($"The email template needs a value for '{m.Groups["name"].Value}'."));
    }

    private static string Layout(string body) =>
        "<!DOCTYPE html><html><body style=\"font-family:system-ui,sans-serif;color:#1d2733;line-height:1.5;max-width:36rem\">"
        + body + "</body></html>";

    [GeneratedRegex(@"\{\{(?<kind>[#^])(?<name>\w+)\}\}(?<body>.*?)\{\{/\k<name>\}\}", RegexOptions.Singleline)]
    private static partial Regex Section();

    [GeneratedRegex(@"\{\{(?<name>\w+)\}\}")]
    private static partial Regex Placeholder();
}
