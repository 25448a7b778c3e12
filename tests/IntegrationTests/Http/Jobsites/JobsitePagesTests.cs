using System.Net;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.IntegrationTests.Http.Jobsites;

public sealed class JobsitePagesTests() : JobsitesHttpTest(SqlDialect.Sqlite)
{
    [DbFact]
    public async Task Jobsites_page_lists_each_jobsite_with_pins_as_json_and_no_inline_script()
    {
        var account = await Factory.CreateAccountAsync("A-1");
        await Factory.AddMemberAsync(account, "bobby", AccountRole.Basic);
        var oak = await Factory.AJobsiteAsync(account, "Oak <Street>");
        await Factory.AJobsiteAsync(account, "Elm Court");
        var visit = await Factory.AVisitAsync(oak, Factory.Clock.GetUtcNow().AddHours(-1), "Mowing");
        await Factory.UpdateAsync(visit, VisitStatus.InProgress, new VisitServiceDto("Mowing", ServiceStatus.InProgress));

        var html = await (await Factory.LoginAsync("bobby")).GetStringAsync("/jobsites");

        Assert.Contains($"href=\"/jobsites/{oak}\"", html);
        Assert.Contains("Oak &lt;Street&gt;", html);
        Assert.Contains("In progress", html);
        Assert.Contains("data-pins=\"[{&quot;id&quot;:", html);
        Assert.DoesNotContain("<script>", html);
    }

    [DbFact]
    public async Task Jobsites_page_with_a_single_jobsite_goes_straight_to_it()
    {
        var account = await Factory.CreateAccountAsync("A-1");
        await Factory.AddMemberAsync(account, "bobby", AccountRole.Basic);
        var only = await Factory.AJobsiteAsync(account);

        var response = await (await Factory.LoginAsync("bobby")).GetAsync("/jobsites");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/jobsites/{only}", response.Headers.Location?.OriginalString);
    }

    [DbFact]
    public async Task Jobsite_page_of_another_account_is_404_and_anonymous_is_sent_to_sign_in()
    {
        var account = await Factory.CreateAccountAsync("A-1");
        var other = await Factory.CreateAccountAsync("A-2");
        await Factory.AddMemberAsync(other, "stranger", AccountRole.Admin);
        var jobsite = await Factory.AJobsiteAsync(account);

        var stranger = await (await Factory.LoginAsync("stranger")).GetAsync($"/jobsites/{jobsite}");
        var anonymous = await Factory.Anonymous().GetAsync($"/jobsites/{jobsite}");

        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.StartsWith("/login", anonymous.Headers.Location?.PathAndQuery);
    }

    [DbFact]
    public async Task Dashboard_shows_upcoming_visits_and_the_billing_slot_only_to_roles_that_see_invoices()
    {
        var account = await Factory.CreateAccountAsync("A-1");
        await Factory.AddMemberAsync(account, "bobby", AccountRole.Basic);
        await Factory.AddMemberAsync(account, "counter", AccountRole.Accounting);
        await Factory.AVisitAsync(await Factory.AJobsiteAsync(account, "Pond Park"), Factory.Clock.GetUtcNow().AddDays(1), "Shoreline trimming");

        var basic = await (await Factory.LoginAsync("bobby")).GetStringAsync("/dashboard");
        var accounting = await (await Factory.LoginAsync("counter")).GetStringAsync("/dashboard");

        Assert.Contains("Pond Park", basic);
        Assert.Contains("Shoreline trimming", basic);
        Assert.DoesNotContain("id=\"billing-summary\"", basic);
        Assert.Contains("id=\"billing-summary\"", accounting);
    }
}
