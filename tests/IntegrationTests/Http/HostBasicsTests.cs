using System.Net;
using System.Text.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http;

public abstract class HostBasicsTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Health_when_database_reachable_is_200()
    {
        var response = await CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [DbFact]
    public async Task Unknown_api_route_is_404_problem_details()
    {
        var response = await CreateClient().GetAsync("/api/no/such/thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, body.RootElement.GetProperty("status").GetInt32());
    }

    [DbFact]
    public async Task Run_job_when_anonymous_is_401()
    {
        var response = await CreateClient().PostAsync("/api/backoffice/jobs/outbox-cleanup/run", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [DbFact]
    public async Task OpenApi_document_lists_the_api()
    {
        var response = await CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("paths").TryGetProperty("/api/backoffice/jobs/{job}/run", out _));
    }
}

public sealed class HostBasicsTestsOnSqlite() : HostBasicsTests(SqlDialect.Sqlite);

public sealed class HostBasicsTestsOnPostgres() : HostBasicsTests(SqlDialect.Postgres), IPostgresTest;
