using Microsoft.Extensions.Configuration;

namespace Portal.Modules.Invoicing.Reminders;

internal sealed record ReminderOptions(bool Enabled = true, int DaysBeforeDue = 3, int OverdueEveryDays = 7)
{
    public static ReminderOptions FromConfiguration(IConfiguration config)
    {
        var section = config.GetSection("Invoicing:Reminders");
        var defaults = new ReminderOptions();
        return new ReminderOptions(
            !string.Equals(section["Enabled"], "false", StringComparison.OrdinalIgnoreCase),
            int.TryParse(section["DaysBeforeDue"], out var before) && before >= 0 ? before : defaults.DaysBeforeDue,
            int.TryParse(section["OverdueEveryDays"], out var every) && every >= 0 ? every : defaults.OverdueEveryDays);
    }
}
