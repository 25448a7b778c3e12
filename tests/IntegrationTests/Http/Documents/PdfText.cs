using UglyToad.PdfPig;

namespace Portal.IntegrationTests.Http.Documents;

/// <summary>Reads a PDF's words back, in the order they were drawn, to check what a document says.</summary>
internal sealed class PdfText(IReadOnlyList<string> words, int pages)
{
    public int Pages => pages;

    public string All => string.Join(' ', words);

    public static PdfText Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        return new PdfText(pages.SelectMany(p => p.GetWords()).Select(w => w.Text).ToList(), pages.Count);
    }

    /// <summary>The word drawn right after a label, such as the amount on the line "Closing balance $100.00".</summary>
    public string After(string label)
    {
        var parts = label.Split(' ');
        for (var i = 0; i + parts.Length < words.Count; i++)
            if (parts.Select((p, k) => words[i + k] == p).All(match => match))
                return words[i + parts.Length];
        throw new Xunit.Sdk.XunitException($"'{label}' is not in the document: {All}");
    }
}
