using System.Net;
using Microsoft.AspNetCore.Hosting;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Operations;

/// <summary>Outside Development the API reference and the metrics are for staff: an anonymous caller is refused.</summary>
public sealed class ApiDocsProductionTests() : HttpTest(SqlDialect.Sqlite)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Payments:Adyen:AllowEmulator"] = "true" };

    [DbFact]
    public async Task Api_docs_and_metrics_outside_development_when_anonymous_are_refused()
    {
        await using var production = Factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var client = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var docs = await client.GetAsync("/api-docs");
        var metrics = await client.GetAsync("/metrics");

        Assert.NotEqual(HttpStatusCode.OK, docs.StatusCode);
        // Prometheus is off by default outside Development, so there is no such route at all.
        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
    }
}
