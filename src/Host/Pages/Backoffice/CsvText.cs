using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Host.Pages.Backoffice;

/// <summary>
/// CSV for spreadsheets. A text cell starting with =, +, -, @ (or a tab or carriage return) would run as a formula when
/// opened, so it gets a leading apostrophe; plain numbers we wrote ourselves, negative ones included, stay numbers.
/// </summary>
internal static partial class CsvText
{
    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0]) && !Number().IsMatch(text))
            text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }

    public static byte[] Build(IEnumerable<IEnumerable<string?>> rows)
    {
        var csv = new StringBuilder();
        foreach (var row in rows)
            csv.Append(string.Join(',', row.Select(Cell))).Append("\r\n");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    public static string Amount(Portal.BuildingBlocks.Money money) =>
        (money.Value / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex Number();
}
