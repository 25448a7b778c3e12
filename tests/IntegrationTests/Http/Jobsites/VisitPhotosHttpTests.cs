using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using static Portal.IntegrationTests.Http.Jobsites.JobsiteHttpBuilders;

namespace Portal.IntegrationTests.Http.Jobsites;

public abstract class VisitPhotosHttpTests(SqlDialect dialect) : JobsitesHttpTest(dialect)
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    [DbFact]
    public async Task Uploaded_jpeg_is_served_to_members_with_its_type_and_private_caching()
    {
        var (account, visit, finance) = await AVisitAsync();
        var bytes = Sized(JpegStart, 2048);

        var upload = await finance.PostAsync($"/api/backoffice/visits/{visit}/photos", Upload(bytes, "lawn.jpeg", "image/jpeg", "Front lawn"));
        var photo = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("photoId").GetGuid();
        var served = await (await MemberAsync(account)).GetAsync($"/api/accounts/{account}/photos/{photo}");

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("private", served.Headers.CacheControl?.ToString());
        Assert.Equal(bytes, await served.Content.ReadAsByteArrayAsync());
    }

    [DbFact]
    public async Task Png_is_recognised_by_content_even_when_named_and_declared_as_jpeg()
    {
        var (account, visit, finance) = await AVisitAsync();

        var upload = await finance.PostAsync($"/api/backoffice/visits/{visit}/photos", Upload(Png(), "holiday.jpg", "image/jpeg", caption: null));
        var photo = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("photoId").GetGuid();
        var served = await (await MemberAsync(account)).GetAsync($"/api/accounts/{account}/photos/{photo}");

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png(), await served.Content.ReadAsByteArrayAsync());
    }

    [DbFact]
    public async Task Other_content_named_as_a_jpeg_is_422_and_nothing_is_stored()
    {
        var (_, visit, finance) = await AVisitAsync();

        var upload = await finance.PostAsync($"/api/backoffice/visits/{visit}/photos", Upload(Gif, "cat.jpg", "image/jpeg"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, upload.StatusCode);
        Assert.Equal("photo_type_not_supported", (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.False(Directory.Exists(PhotoDirectory) && Directory.EnumerateFiles(PhotoDirectory).Any());
    }

    [DbFact]
    public async Task Photo_of_exactly_10_MB_is_accepted_and_one_byte_more_is_refused()
    {
        var (_, visit, finance) = await AVisitAsync();

        var limit = await finance.PostAsync($"/api/backoffice/visits/{visit}/photos", Upload(Sized(JpegStart, TenMegabytes)));
        var over = await finance.PostAsync($"/api/backoffice/visits/{visit}/photos", Upload(Sized(JpegStart, TenMegabytes + 1)));

        Assert.Equal(HttpStatusCode.Created, limit.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, over.StatusCode);
        Assert.Equal("photo_too_large", (await over.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [DbFact]
    public async Task Request_far_over_10_MB_is_413_before_the_body_is_read()
    {
        var (_, visit, finance) = await AVisitAsync();

        var upload = await finance.PostAsync($"/api/backoffice/visits/{visit}/photos", Upload(Sized(JpegStart, 12 * 1024 * 1024)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, upload.StatusCode);
        Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
    }

    [DbFact]
    public async Task Upload_without_a_file_is_400_not_multipart_is_415_and_unknown_visit_is_404()
    {
        var (_, visit, finance) = await AVisitAsync();

        var noFile = await finance.PostAsync($"/api/backoffice/visits/{visit}/photos", new MultipartFormDataContent { { new StringContent("x"), "caption" } });
        var json = await finance.PostAsJsonAsync($"/api/backoffice/visits/{visit}/photos", new { file = "abc" });
        var unknown = await finance.PostAsync($"/api/backoffice/visits/{Guid.NewGuid()}/photos", Upload(Png(), "a.png", "image/png"));

        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.True((await noFile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [DbFact]
    public async Task Photo_of_another_account_is_404_for_its_members_and_for_outsiders()
    {
        var (account, visit, _) = await AVisitAsync();
        var photo = await Factory.APhotoAsync(visit, Png());
        var other = await Factory.CreateAccountAsync("A-2", "Oak Offices");
        await Factory.AddMemberAsync(other, "stranger", AccountRole.Admin);
        var stranger = await Factory.LoginAsync("stranger");

        var viaOwnAccount = await stranger.GetAsync($"/api/accounts/{other}/photos/{photo}");
        var viaTheirs = await stranger.GetAsync($"/api/accounts/{account}/photos/{photo}");
        var unknown = await (await MemberAsync(account)).GetAsync($"/api/accounts/{account}/photos/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, viaOwnAccount.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<(Guid Account, Guid Visit, HttpClient Finance)> AVisitAsync()
    {
        var account = await Factory.CreateAccountAsync("A-1");
        var jobsite = await Factory.AJobsiteAsync(account);
        var visit = await Factory.AVisitAsync(jobsite, Factory.Clock.GetUtcNow(), "Mowing");
        await Factory.AddStaffAsync("fin");
        return (account, visit, await Factory.LoginAsync("fin"));
    }

    private async Task<HttpClient> MemberAsync(Guid account)
    {
        await Factory.AddMemberAsync(account, "bobby", AccountRole.Basic);
        return await Factory.LoginAsync("bobby");
    }
}

public sealed class VisitPhotosHttpTestsOnSqlite() : VisitPhotosHttpTests(SqlDialect.Sqlite);

public sealed class VisitPhotosHttpTestsOnPostgres() : VisitPhotosHttpTests(SqlDialect.Postgres), IPostgresTest;
