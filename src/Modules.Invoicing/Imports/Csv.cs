using System.Text;

namespace Portal.Modules.Invoicing.Imports;

internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

// RFC 4180 reading: quoted fields may hold commas, doubled quotes and line breaks.
internal static class Csv
{
    public static IReadOnlyList<CsvRecord> Parse(string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        // Spreadsheet programs often save UTF-8 with a byte order mark, which would otherwise hide the header.
        var i = text.StartsWith('\uFEFF') ? 1 : 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }
                if (c == '"')
                    quoted = false;
                else
                {
                    if (c == '\n')
                        line++;
                    field.Append(c);
                }
                i++;
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
            i++;
        }
        EndRecord();
        return records;

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            // Blank lines (a trailing newline, spacing between blocks) carry no row.
            if (fields.Count > 1 || fields[0].Trim().Length > 0)
                records.Add(new CsvRecord(recordLine, fields.ToList()));
            fields.Clear();
        }
    }
}
