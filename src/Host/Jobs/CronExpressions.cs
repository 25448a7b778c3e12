using System.Text.RegularExpressions;

namespace Portal.Host.Jobs;

/// <summary>
/// `Jobs:&lt;name&gt;:Cron` keeps accepting the values written for the previous scheduler (ADR 0002: seconds first, `?`, an optional
/// year, days of the week numbered 1-7 from Sunday) and also takes a standard 5-field cron; six or seven fields are read as the older form.
/// Hangfire itself (Cronos) checks the result when the recurring job is registered.
/// </summary>
internal static partial class CronExpressions
{
    public static string ToHangfire(string cron, string key)
    {
        var fields = cron.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 5)
            return string.Join(' ', fields);
        if (fields.Length == 7)
        {
            // Cronos has no year field; only "every year" can be carried over.
            if (fields[6] is not ("*" or "?"))
                throw Invalid(cron, key, "a year other than * is not supported");
            fields = fields[..6];
        }
        if (fields.Length != 6)
            throw Invalid(cron, key, "expected 5 fields, or 6 or 7 with seconds first");
        // The older form numbers the days of the week 1 (Sunday) to 7; Cronos 0 (Sunday) to 6. Names (MON-FRI) mean the same.
        fields[5] = DayNumber().Replace(fields[5], m => m.Index > 0 && fields[5][m.Index - 1] is '#' or '/'
            ? m.Value
            : (int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return string.Join(' ', fields);
    }

    public static InvalidOperationException Invalid(string cron, string key, string reason) =>
        new($"{key} = '{cron}' is not a cron expression this host understands: {reason}.");

    [GeneratedRegex("[1-7]")]
    private static partial Regex DayNumber();
}
