using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using static Portal.IntegrationTests.Http.Jobsites.JobsiteHttpBuilders;

namespace Portal.IntegrationTests.Http.Jobsites;

/// <summary>Issue 12 item 13: a photo uploaded through one host is served by every host sharing the database.</summary>
public abstract class SharedPhotosHttpTests(SqlDialect dialect) : JobsitesHttpTest(dialect)
{
    [DbFact]
    public async Task A_photo_uploaded_on_one_host_is_served_by_another_with_its_own_directory()
    {
        var otherDirectory = Path.Combine(Path.GetTempPath(), $"portal-photos-{Guid.NewGuid():N}");
        await using var other = new PortalWebFactory(Factory.Database, new Dictionary<string, string?> { ["Jobsites:PhotoDirectory"] = otherDirectory });
        try
        {
            var account = await Factory.CreateAccountAsync("A-1");
            await Factory.AddMemberAsync(account, "crew", AccountRole.Basic);
            await Factory.AddStaffAsync("fran");
            var visit = await Factory.AVisitAsync(await Factory.AJobsiteAsync(account), Factory.Clock.GetUtcNow().AddDays(1), "Mowing");
            var bytes = Sized(JpegStart, 4096);

            var upload = await (await Factory.LoginAsync("fran")).PostAsync($"/api/backoffice/visits/{visit}/photos", Upload(bytes, "lawn.jpg", "image/jpeg"));
            var photo = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("photoId").GetGuid();
            var served = await (await other.LoginAsync("crew")).GetAsync($"/api/accounts/{account}/photos/{photo}");

            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
            Assert.Equal(bytes, await served.Content.ReadAsByteArrayAsync());
        }
        finally
        {
            if (Directory.Exists(otherDirectory))
                Directory.Delete(otherDirectory, recursive: true);
        }
    }

    [DbFact]
    public async Task A_photo_stored_before_photos_moved_to_the_database_is_still_served_from_disk()
    {
        var account = await Factory.CreateAccountAsync("A-1");
        await Factory.AddMemberAsync(account, "crew", AccountRole.Basic);
        var visit = await Factory.AVisitAsync(await Factory.AJobsiteAsync(account), Factory.Clock.GetUtcNow().AddDays(1), "Mowing");
        var bytes = Png();
        var photo = await Factory.APhotoAsync(visit, bytes);
        await using (var scope = Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IDatabase>().ExecuteAsync("update jobsites_photos set content = null where id = @Id", new { Id = photo });

        var served = await (await Factory.LoginAsync("crew")).GetAsync($"/api/accounts/{account}/photos/{photo}");

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(bytes, await served.Content.ReadAsByteArrayAsync());
    }
}

public sealed class SharedPhotosHttpTestsOnSqlite() : SharedPhotosHttpTests(SqlDialect.Sqlite);

public sealed class SharedPhotosHttpTestsOnPostgres() : SharedPhotosHttpTests(SqlDialect.Postgres), IPostgresTest;
