using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Portal.Host.Documents;

/// <summary>One column of a table: its heading, its share of the width, and whether it holds amounts (right-aligned).</summary>
internal sealed record PdfColumn(string Heading, double Width, bool Amount = false);

/// <summary>
/// Writes a simple flowing document on US Letter pages: a header with the business, headings, label/value lines and tables
/// that continue on a new page (with their headings) when a page fills up.
/// </summary>
internal sealed class PdfLayout : IDisposable
{
    private const double PageWidth = 612, PageHeight = 792, Margin = 50, Bottom = PageHeight - Margin;
    private const double ContentWidth = PageWidth - 2 * Margin;
    private readonly PdfDocument document = new();
    private readonly XFont body, bold, small, title;
    private XGraphics page = null!;
    private double y;

    public PdfLayout(string documentTitle)
    {
        PdfFonts.EnsureInstalled();
        document.Info.Title = documentTitle;
        body = new XFont(PdfFonts.Family, 9.5, XFontStyleEx.Regular);
        bold = new XFont(PdfFonts.Family, 9.5, XFontStyleEx.Bold);
        small = new XFont(PdfFonts.Family, 8, XFontStyleEx.Regular);
        title = new XFont(PdfFonts.Family, 18, XFontStyleEx.Bold);
        NewPage();
    }

    /// <summary>The business block (logo, name, address) on the left and the document's title on the right.</summary>
    public void Letterhead(BusinessProfile business, string heading)
    {
        var top = y;
        var left = Margin;
        if (business.Logo is { } logo)
        {
            using var image = XImage.FromStream(new MemoryStream(logo));
            var height = 48.0;
            var width = Math.Min(160, image.PixelWidth * height / Math.Max(1, image.PixelHeight));
            page.DrawImage(image, Margin, top, width, height);
            left += width + 10;
        }
        page.DrawString(business.Name, bold, XBrushes.Black, new XRect(left, top, 300, 14), XStringFormats.TopLeft);
        var lineY = top + 14;
        foreach (var line in business.AddressLines)
        {
            page.DrawString(line, small, XBrushes.DimGray, new XRect(left, lineY, 300, 11), XStringFormats.TopLeft);
            lineY += 11;
        }
        page.DrawString(heading, title, XBrushes.Black, new XRect(Margin, top, ContentWidth, 24), XStringFormats.TopRight);
        y = Math.Max(lineY, top + 52) + 16;
    }

    public void Heading(string text)
    {
        Ensure(34);
        y += 8;
        page.DrawString(text, bold, XBrushes.Black, new XRect(Margin, y, ContentWidth, 14), XStringFormats.TopLeft);
        y += 16;
    }

    public void Text(string text, bool emphasis = false)
    {
        foreach (var line in Wrap(text, emphasis ? bold : body, ContentWidth))
        {
            Ensure(13);
            page.DrawString(line, emphasis ? bold : body, XBrushes.Black, new XRect(Margin, y, ContentWidth, 13), XStringFormats.TopLeft);
            y += 13;
        }
    }

    /// <summary>Label and value pairs in two columns, for the facts at the top of a document.</summary>
    public void Facts(params (string Label, string Value)[] facts)
    {
        foreach (var (label, value) in facts)
        {
            Ensure(13);
            page.DrawString(label, body, XBrushes.DimGray, new XRect(Margin, y, 130, 13), XStringFormats.TopLeft);
            page.DrawString(value, body, XBrushes.Black, new XRect(Margin + 130, y, ContentWidth - 130, 13), XStringFormats.TopLeft);
            y += 13;
        }
        y += 6;
    }

    public void Table(IReadOnlyList<PdfColumn> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var widths = columns.Select(c => c.Width / columns.Sum(x => x.Width) * ContentWidth).ToArray();
        TableHeader(columns, widths);
        foreach (var row in rows)
        {
            var cells = row.Select((text, i) => columns[i].Amount ? [text] : Wrap(text, body, widths[i] - 6)).ToArray();
            var height = cells.Max(c => c.Count) * 12 + 4;
            if (y + height > Bottom)
            {
                NewPage();
                TableHeader(columns, widths);
            }
            var x = Margin;
            for (var i = 0; i < columns.Count; i++)
            {
                for (var line = 0; line < cells[i].Count; line++)
                    DrawCell(cells[i][line], body, columns[i].Amount, x, y + 2 + line * 12, widths[i]);
                x += widths[i];
            }
            y += height;
            page.DrawLine(XPens.LightGray, Margin, y, Margin + ContentWidth, y);
        }
        y += 6;
    }

    /// <summary>A right-aligned total line under a table: label and amount.</summary>
    public void Total(string label, string amount, bool emphasis = false)
    {
        Ensure(15);
        var font = emphasis ? bold : body;
        page.DrawString(label, font, XBrushes.Black, new XRect(Margin, y, ContentWidth - 110, 14), XStringFormats.TopRight);
        page.DrawString(amount, font, XBrushes.Black, new XRect(Margin, y, ContentWidth, 14), XStringFormats.TopRight);
        y += 15;
    }

    public byte[] ToBytes()
    {
        page.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose() => document.Dispose();

    private void TableHeader(IReadOnlyList<PdfColumn> columns, double[] widths)
    {
        Ensure(18);
        var x = Margin;
        for (var i = 0; i < columns.Count; i++)
        {
            DrawCell(columns[i].Heading, bold, columns[i].Amount, x, y, widths[i]);
            x += widths[i];
        }
        y += 14;
        page.DrawLine(XPens.Gray, Margin, y, Margin + ContentWidth, y);
        y += 2;
    }

    private void DrawCell(string text, XFont font, bool amount, double x, double top, double width) =>
        page.DrawString(text, font, XBrushes.Black, new XRect(x + 3, top, width - 6, 12), amount ? XStringFormats.TopRight : XStringFormats.TopLeft);

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && page.MeasureString(candidate, font).Width > width)
            {
                lines.Add(current);
                current = word;
            }
            else
                current = candidate;
        }
        lines.Add(current);
        return lines;
    }

    private void Ensure(double height)
    {
        if (y + height > Bottom)
            NewPage();
    }

    private void NewPage()
    {
        page?.Dispose();
        var pdfPage = document.AddPage();
        pdfPage.Size = PageSize.Letter;
        page = XGraphics.FromPdfPage(pdfPage);
        y = Margin;
        page.DrawString($"Page {document.PageCount}", small, XBrushes.DimGray,
            new XRect(Margin, PageHeight - Margin + 14, ContentWidth, 10), XStringFormats.TopRight);
    }
}
