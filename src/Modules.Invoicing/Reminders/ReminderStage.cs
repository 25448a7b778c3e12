namespace Portal.Modules.Invoicing.Reminders;

/// <summary>The notice stages of an invoice; each is recorded once in invoicing_notices.</summary>
internal static class ReminderStage
{
    public const string Posted = "posted";
    public const string BeforeDue = "before_due";
    public const string Due = "due";
    private const string OverduePrefix = "overdue-";

    public static string Overdue(int period) => OverduePrefix + period;

    // Each stage lasts until the next one begins, so a late run sends the stage the invoice is in now and never a backlog:
    // before_due from N days before the due date, due from the due date, overdue-k from k x OverdueEveryDays days after it.
    public static string? Current(DateOnly today, DateOnly dueDate, ReminderOptions options)
    {
        var daysPastDue = today.DayNumber - dueDate.DayNumber;
        if (daysPastDue < 0)
            return -daysPastDue <= options.DaysBeforeDue ? BeforeDue : null;
        var period = options.OverdueEveryDays > 0 ? daysPastDue / options.OverdueEveryDays : 0;
        return period == 0 ? Due : Overdue(period);
    }

    /// <summary>The email template of a stage.</summary>
    public static string Template(string stage) => stage switch
    {
        Posted => "invoice-posted",
        BeforeDue => "reminder-before-due",
        Due => "reminder-due",
        _ when stage.StartsWith(OverduePrefix, StringComparison.Ordinal) => "reminder-overdue",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown notice stage."),
    };
}
