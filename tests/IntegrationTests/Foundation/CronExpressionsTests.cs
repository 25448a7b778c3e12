using Portal.Host.Jobs;

namespace Portal.IntegrationTests.Foundation;

/// <summary>`Jobs:&lt;name&gt;:Cron` values written for the previous scheduler (seconds first, 1-7 weekdays) keep their meaning under Hangfire.</summary>
public sealed class CronExpressionsTests
{
    [Theory]
    [InlineData("0 0 13 * * ?", "0 0 13 * * ?")]
    [InlineData("0/15 * * * * ?", "0/15 * * * * ?")]
    [InlineData("0 30 8 ? * 2-6", "0 30 8 ? * 1-5")]
    [InlineData("0 30 8 ? * MON-FRI", "0 30 8 ? * MON-FRI")]
    [InlineData("0 0 6 ? * 2#1", "0 0 6 ? * 1#1")]
    [InlineData("0 0 12 * * ? *", "0 0 12 * * ?")]
    [InlineData("*/5 * * * *", "*/5 * * * *")]
    public void ToHangfire_keeps_the_meaning_of_a_seconds_first_or_standard_cron(string configured, string expected) =>
        Assert.Equal(expected, CronExpressions.ToHangfire(configured, "Jobs:test:Cron"));

    [Theory]
    [InlineData("0 0 12 * * ? 2030")]
    [InlineData("0 12 * *")]
    public void ToHangfire_with_what_cronos_cannot_say_names_the_key(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CronExpressions.ToHangfire(configured, "Jobs:test:Cron"));

        Assert.Contains("Jobs:test:Cron", error.Message);
    }
}
