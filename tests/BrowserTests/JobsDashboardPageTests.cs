using Microsoft.Playwright;
using Portal.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.BrowserTests;

/// <summary>Staff reach Hangfire's dashboard from the back office, after signing in, and its pages keep to our CSP.</summary>
public sealed class JobsDashboardPageTests : BrowserTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Jobs:Enabled"] = "true" };

    [DbFact]
    public async Task Jobs_dashboard_sends_anonymous_staff_to_sign_in_and_shows_the_recurring_jobs_within_the_csp()
    {
        await Portal.AddStaffAsync("fran");
        var violations = new List<string>();
        // Only the dashboard's own pages: anything its CSP blocks, or a file of its that fails to load, shows up here.
        Page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Location.Contains("/backoffice/jobs", StringComparison.Ordinal))
                violations.Add($"{message.Text} at {message.Location}");
        };

        await Page.GotoAsync("/backoffice/jobs");
        await Page.WaitForURLAsync("**/login?**");
        await Page.FillAsync("#userId", "fran");
        await Page.FillAsync("#password", PortalUsers.Password);
        await Page.ClickAsync("button[type=submit]");
        await Page.WaitForURLAsync("**/backoffice/jobs");
        await Page.GotoAsync("/backoffice");
        await Page.ClickAsync("#jobs-dashboard");
        await Page.WaitForURLAsync("**/backoffice/jobs");
        await Page.GotoAsync("/backoffice/jobs/recurring");

        await Expect(Page.Locator("table")).ToContainTextAsync("invoice-posting");
        await Expect(Page.Locator("table")).ToContainTextAsync("autopay");
        await Page.GotoAsync("/backoffice/jobs/jobs/succeeded");
        await Page.GotoAsync("/backoffice/jobs/servers");
        await Expect(Page.Locator("table")).ToBeVisibleAsync();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
