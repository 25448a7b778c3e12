using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.Host.Infrastructure;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Jobsites.Contracts.Jobsites;
using Portal.Modules.Jobsites.Contracts.Visits;

namespace Portal.IntegrationTests.Http.Jobsites;

public sealed class DemoJobsitesTests() : JobsitesHttpTest(SqlDialect.Sqlite)
{
    protected override IDictionary<string, string?>? Settings =>
        new Dictionary<string, string?>(base.Settings!) { ["Portal:SeedDemoData"] = "true" };

    [DbFact]
    public async Task Demo_account_has_several_jobsites_with_visits_in_every_state_and_real_png_photos()
    {
        var greenway = (await Factory.SendAsync(new GetAccountsByNumberQuery(["A-1001"]))).Single().AccountId;
        var summaries = await Factory.SendAsync(new GetJobsitesQuery(greenway));
        var jobsites = new List<JobsiteDto>();
        foreach (var summary in summaries)
            jobsites.Add((await Factory.SendAsync(new GetJobsiteQuery(greenway, summary.JobsiteId)))!);
        var visits = jobsites.SelectMany(j => j.Visits).ToList();
        var client = await Factory.LoginAsync("demo.basic", DemoData.Password);
        var photo = visits.SelectMany(v => v.Photos).First();
        var bytes = await client.GetByteArrayAsync($"/api/accounts/{greenway}/photos/{photo.PhotoId}");
        var timeline = await client.GetFromJsonAsync<JsonElement>($"/api/accounts/{greenway}/visits");

        Assert.True(jobsites.Count >= 3, $"{jobsites.Count} jobsites");
        Assert.Equal(Enum.GetValues<VisitStatus>().Order(), visits.Select(v => v.Status).Distinct().Order());
        Assert.Contains(visits, v => v.Status == VisitStatus.Completed && v.ScheduledStart < Factory.Clock.GetUtcNow().AddDays(-7));
        Assert.Contains(visits, v => v.Materials.Count > 0 && v.Notes is not null);
        Assert.True(visits.Sum(v => v.Photos.Count) >= 3);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal("IEND"u8.ToArray(), bytes[^8..^4]);
        Assert.True(timeline.GetArrayLength() >= 3);
    }

    [DbFact]
    public async Task Demo_account_has_open_overdue_paid_and_scheduled_invoices()
    {
        var greenway = (await Factory.SendAsync(new GetAccountsByNumberQuery(["A-1001"]))).Single().AccountId;
        var client = await Factory.LoginAsync("demo.accounting", DemoData.Password);

        var open = await client.GetFromJsonAsync<JsonElement>($"/api/accounts/{greenway}/invoices");
        var paid = await client.GetFromJsonAsync<JsonElement>($"/api/accounts/{greenway}/invoices?status=paid");
        var summary = await client.GetFromJsonAsync<JsonElement>($"/api/accounts/{greenway}/summary");
        var all = await Factory.SendAsync(new Portal.Modules.Invoicing.Contracts.Invoices.GetBackofficeInvoicesQuery(greenway));

        Assert.Equal(3, open.GetProperty("items").GetArrayLength());
        Assert.Equal(1, paid.GetProperty("items").GetArrayLength());
        Assert.True(summary.GetProperty("overdueBalance").GetProperty("value").GetInt64() > 0);
        Assert.Contains(all.Items, i => i.Status == "scheduled");
    }
}
