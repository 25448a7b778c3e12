using Microsoft.Extensions.Configuration;
using Portal.Modules.Invoicing.Reminders;

namespace Portal.UnitTests.Invoicing;

public sealed class ReminderStageTests
{
    private static readonly DateOnly Due = new(2026, 11, 25);
    private static readonly ReminderOptions Defaults = new();

    [Theory]
    [InlineData(-30, null)]
    [InlineData(-4, null)]
    [InlineData(-3, "before_due")]
    [InlineData(-1, "before_due")]
    [InlineData(0, "due")]
    [InlineData(6, "due")]
    [InlineData(7, "overdue-1")]
    [InlineData(13, "overdue-1")]
    [InlineData(14, "overdue-2")]
    [InlineData(70, "overdue-10")]
    public void Current_with_defaults_gives_the_stage_the_day_falls_in(int daysFromDue, string? stage)
    {
        Assert.Equal(stage, ReminderStage.Current(Due.AddDays(daysFromDue), Due, Defaults));
    }

    [Fact]
    public void Current_with_no_days_before_due_sends_nothing_before_the_due_date()
    {
        var options = Defaults with { DaysBeforeDue = 0 };

        Assert.Null(ReminderStage.Current(Due.AddDays(-1), Due, options));
        Assert.Equal("due", ReminderStage.Current(Due, Due, options));
    }

    [Fact]
    public void Current_with_overdue_every_zero_never_moves_past_due()
    {
        var options = Defaults with { OverdueEveryDays = 0 };

        Assert.Equal("due", ReminderStage.Current(Due.AddDays(100), Due, options));
    }

    [Fact]
    public void Current_with_another_interval_counts_overdue_periods_in_it()
    {
        var options = Defaults with { DaysBeforeDue = 5, OverdueEveryDays = 10 };

        Assert.Equal("before_due", ReminderStage.Current(Due.AddDays(-5), Due, options));
        Assert.Equal("due", ReminderStage.Current(Due.AddDays(9), Due, options));
        Assert.Equal("overdue-1", ReminderStage.Current(Due.AddDays(10), Due, options));
        Assert.Equal("overdue-2", ReminderStage.Current(Due.AddDays(25), Due, options));
    }

    [Theory]
    [InlineData("posted", "invoice-posted")]
    [InlineData("before_due", "reminder-before-due")]
    [InlineData("due", "reminder-due")]
    [InlineData("overdue-3", "reminder-overdue")]
    public void Template_names_the_email_of_each_stage(string stage, string template)
    {
        Assert.Equal(template, ReminderStage.Template(stage));
    }

    [Fact]
    public void FromConfiguration_reads_the_reminder_settings_and_keeps_defaults_for_bad_values()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Invoicing:Reminders:DaysBeforeDue"] = "5", ["Invoicing:Reminders:OverdueEveryDays"] = "x", ["Invoicing:Reminders:Enabled"] = "false",
        }).Build();

        Assert.Equal(new ReminderOptions(false, 5, 7), ReminderOptions.FromConfiguration(config));
    }
}
