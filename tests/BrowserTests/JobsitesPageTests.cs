using Microsoft.Playwright;
using Portal.Host.Infrastructure;
using Portal.IntegrationTests.Http.Jobsites;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Jobsites.Contracts.Visits;
using static Microsoft.Playwright.Assertions;

namespace Portal.BrowserTests;

public sealed class JobsitesPageTests : BrowserTest, IDisposable
{
    private readonly string photoDirectory = Path.Combine(Path.GetTempPath(), $"portal-photos-{Guid.NewGuid():N}");

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Jobsites:PhotoDirectory"] = photoDirectory };

    [MapFact]
    public async Task Map_shows_one_pin_per_jobsite_and_a_pin_opens_the_quick_view_of_its_latest_visit()
    {
        Assert.True(File.Exists(MapFactAttribute.LeafletScript), $"Leaflet is missing at {MapFactAttribute.LeafletScript}: run npm ci in src/Host.");
        var (_, oak, _) = await ThreeJobsitesAsync();
        await SignInAsync();
        // Anything the CSP blocks, or a Leaflet file that fails to load, shows up here.
        var errors = new List<string>();
        Page.Console += (_, message) => { if (message.Type == "error" && !message.Text.Contains("favicon")) errors.Add($"{message.Text} at {message.Location}"); };
        Page.Response += (_, response) => { if (response.Status >= 400 && !response.Url.EndsWith("/favicon.ico")) errors.Add($"{response.Status} {response.Url}"); };

        await Page.GotoAsync("/jobsites");

        await Expect(Page.Locator("#map .leaflet-marker-icon")).ToHaveCountAsync(3);
        await Expect(Page.Locator("#map")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("map-plain"));
        await Page.Locator("#map .leaflet-marker-icon[title='Oak Street']").ClickAsync();
        var quickView = Page.Locator(".leaflet-popup-content .quick-view");
        await Expect(quickView).ToContainTextAsync("Oak Street");
        await Expect(quickView).ToContainTextAsync("In progress");
        await Expect(quickView).ToContainTextAsync("Mowing (in progress)");
        await quickView.GetByRole(AriaRole.Link, new() { Name = "Open jobsite" }).ClickAsync();
        await Page.WaitForURLAsync($"**/jobsites/{oak}");
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [DbFact]
    public async Task List_opens_the_full_view_with_its_photos_as_thumbnails_that_open_full_size()
    {
        var (account, oak, visit) = await ThreeJobsitesAsync();
        var photo = await Portal.APhotoAsync(visit, DemoPhotos.Png(64, 48, (120, 200, 120), (40, 120, 60)), "Lawn after mowing");
        Portal.Clock.Advance(TimeSpan.FromMinutes(1));
        await Portal.APhotoAsync(visit, DemoPhotos.Png(64, 48, (140, 90, 50), (90, 60, 30)), "Mulch bed");
        await SignInAsync();

        await Page.GotoAsync("/jobsites");
        await Page.Locator("#jobsite-list").GetByRole(AriaRole.Link, new() { Name = "Oak Street" }).ClickAsync();
        await Page.WaitForURLAsync($"**/jobsites/{oak}");

        await Expect(Page.Locator("h1")).ToHaveTextAsync("Oak Street");
        await Expect(Page.Locator(".services-in-progress")).ToContainTextAsync("Mowing");
        await Expect(Page.Locator(".services-planned")).ToContainTextAsync("Edging");
        await Expect(Page.Locator(".materials")).ToContainTextAsync("2.5 yd");
        var thumbnails = Page.Locator(".photos img");
        await Expect(thumbnails).ToHaveCountAsync(2);
        await Expect(thumbnails.First).ToHaveAttributeAsync("alt", "Lawn after mowing");
        Assert.True(await thumbnails.First.EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth === 64)"));
        await Page.Locator(".photo-link").First.ClickAsync();
        await Page.WaitForURLAsync($"**/api/accounts/{account}/photos/{photo}");
        Assert.Equal("image/png", await Page.EvaluateAsync<string>("document.contentType"));
    }

    [DbFact]
    public async Task Dashboard_timeline_lists_upcoming_visits_by_day_in_start_order()
    {
        var account = await Portal.CreateAccountAsync("A-1", "Greenway HOA");
        await Portal.AddMemberAsync(account, "bobby", AccountRole.Basic);
        var pond = await Portal.AJobsiteAsync(account, "South Pond", 39.77, -89.65);
        var entrance = await Portal.AJobsiteAsync(account, "North Entrance", 39.80, -89.66);
        var tomorrow = new DateTimeOffset(Portal.Clock.Today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await Portal.AVisitAsync(pond, tomorrow.AddDays(2).AddHours(9), "Shoreline trimming");
        await Portal.AVisitAsync(entrance, tomorrow.AddHours(15), "Irrigation check");
        await Portal.AVisitAsync(pond, tomorrow.AddHours(8), "Mowing");
        var done = await Portal.AVisitAsync(entrance, Portal.Clock.GetUtcNow().AddHours(-3), "Already done");
        await Portal.UpdateAsync(done, VisitStatus.Completed, new VisitServiceDto("Already done", ServiceStatus.Completed));

        await SignInAsync();

        await Expect(Page.Locator(".timeline-day h3")).ToHaveCountAsync(2);
        Assert.Equal(["South Pond", "North Entrance", "South Pond"], await Page.Locator(".timeline-visit .timeline-jobsite").AllInnerTextsAsync());
        var visits = await Page.Locator(".timeline-visit").AllInnerTextsAsync();
        Assert.Equal(3, visits.Count);
        Assert.Contains("Mowing", visits[0]);
        Assert.Contains("Irrigation check", visits[1]);
        Assert.Contains("Shoreline trimming", visits[2]);
        Assert.DoesNotContain("Already done", await Page.InnerTextAsync("#timeline"));
    }

    [DbFact]
    public async Task On_a_phone_the_jobsites_list_is_visible_without_sideways_scrolling()
    {
        await ThreeJobsitesAsync();
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync();

        await Page.GotoAsync("/jobsites");

        await Expect(Page.Locator("#jobsite-list")).ToBeVisibleAsync();
        await Expect(Page.Locator("#jobsite-list li")).ToHaveCountAsync(3);
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
    }

    public void Dispose()
    {
        if (Directory.Exists(photoDirectory))
            Directory.Delete(photoDirectory, recursive: true);
    }

    private async Task<(Guid Account, Guid Oak, Guid OakVisit)> ThreeJobsitesAsync()
    {
        var account = await Portal.CreateAccountAsync("A-1", "Greenway HOA");
        await Portal.AddMemberAsync(account, "bobby", AccountRole.Basic);
        var oak = await Portal.AJobsiteAsync(account, "Oak Street", 39.80, -89.60);
        await Portal.AJobsiteAsync(account, "Elm Court", 39.70, -89.70);
        await Portal.AJobsiteAsync(account, "Maple Lane", 39.75, -89.50);
        var visit = await Portal.AVisitAsync(oak, Portal.Clock.GetUtcNow().AddHours(-1), "Mowing", "Edging");
        await Portal.SendAsync(new UpdateVisitCommand(visit, VisitStatus.InProgress,
            [new VisitServiceDto("Mowing", ServiceStatus.InProgress), new VisitServiceDto("Edging", ServiceStatus.Planned)],
            [new MaterialDto("Mulch", 2.5m, "yd")], "Gate code 1234"));
        return (account, oak, visit);
    }

    private async Task SignInAsync()
    {
        await Page.GotoAsync("/login");
        await Page.FillAsync("#userId", "bobby");
        await Page.FillAsync("#password", PortalUsers.Password);
        await Page.ClickAsync("button[type=submit]");
        await Page.WaitForURLAsync("**/dashboard");
    }
}
