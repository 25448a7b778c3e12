using System.Text.RegularExpressions;

namespace Portal.IntegrationTests.Http.Backoffice;

/// <summary>Posts a Razor form as a browser would: reads the page's antiforgery token first, then sends the fields.</summary>
public static partial class PageForms
{
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, string handler, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(page);
        var token = Token().Match(html).Groups[1].Value;
        var separator = page.Contains('?') ? '&' : '?';
        return await client.PostAsync($"{page}{separator}handler={handler}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]));
    }

    public static Task<HttpResponseMessage> PostFileAsync(this HttpClient client, string page, string handler, string field, string fileName, string content) =>
        client.PostFileAsync(page, handler, field, fileName, System.Text.Encoding.UTF8.GetBytes(content));

    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient client, string page, string handler, string field, string fileName, byte[] content,
        params (string Name, string Value)[] fields)
    {
        var token = Token().Match(await client.GetStringAsync(page)).Groups[1].Value;
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(content), field, fileName } };
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        var separator = page.Contains('?') ? '&' : '?';
        return await client.PostAsync($"{page}{separator}handler={handler}", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
