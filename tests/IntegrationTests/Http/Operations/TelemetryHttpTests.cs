using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;

namespace Portal.IntegrationTests.Http.Operations;

public abstract class TelemetryHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["OpenTelemetry:Prometheus:Enabled"] = "true",
        ["OpenTelemetry:Prometheus:ScrapeToken"] = "scrape-secret-1",
    };

    [DbFact]
    public async Task Metrics_for_staff_are_prometheus_text_with_the_business_meters()
    {
        await Factory.AddStaffAsync("fin");
        var staff = await Factory.LoginAsync("fin");
        await Factory.Anonymous().PostAsJsonAsync("/api/auth/login", new { userId = "fin", password = "wrong-Password-1" });

        var response = await staff.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("portal_login_failures", text);
        Assert.Contains("http_server_request_duration", text);
        Assert.Contains("portal_outbox_pending", text);
    }

    [DbFact]
    public async Task Metrics_when_anonymous_is_401_and_for_a_customer_is_404()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "cust", AccountRole.Admin);
        var customer = await Factory.LoginAsync("cust");

        var anonymous = await Factory.Anonymous().GetAsync("/metrics");
        var member = await customer.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, member.StatusCode);
    }

    [DbFact]
    public async Task Metrics_with_the_scraper_token_are_200_and_with_another_token_401()
    {
        var right = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "scrape-secret-1") } };
        var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "scrape-secret-2") } };

        var ok = await Factory.Anonymous().SendAsync(right);
        var refused = await Factory.Anonymous().SendAsync(wrong);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [DbFact]
    public async Task Api_docs_in_development_render_under_their_own_csp_only()
    {
        var entry = await Factory.Anonymous().GetAsync("/api-docs");
        var docs = await Factory.Anonymous().GetAsync(entry.Headers.Location?.OriginalString ?? "/api-docs");
        var page = await docs.Content.ReadAsStringAsync();
        var script = System.Text.RegularExpressions.Regex.Match(page, "<script[^>]+src=\"([^\"]+)\"").Groups[1].Value;
        var scriptResponse = await Factory.Anonymous().GetAsync(new Uri(new Uri("http://localhost/api-docs/"), script));
        var login = await Factory.Anonymous().GetAsync("/login");

        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("\"url\":\"openapi/v1.json\"", page);
        // The page's script comes from the site itself: a CDN would be blocked by the CSP.
        Assert.Equal(HttpStatusCode.OK, scriptResponse.StatusCode);
        Assert.Contains("'unsafe-inline'", string.Join(";", docs.Headers.GetValues("Content-Security-Policy")));
        Assert.DoesNotContain("'unsafe-inline'", string.Join(";", login.Headers.GetValues("Content-Security-Policy")));
    }

    [DbFact]
    public async Task OpenApi_document_has_typed_payment_answers_an_example_and_the_error_codes()
    {
        var json = await Factory.Anonymous().GetStringAsync("/openapi/v1.json");
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var pay = document.RootElement.GetProperty("paths").GetProperty("/api/accounts/{accountId}/payments").GetProperty("post");

        Assert.True(pay.GetProperty("responses").GetProperty("201").TryGetProperty("content", out _));
        Assert.Contains("amount_exceeds_open_balance", pay.GetProperty("responses").GetProperty("422").GetProperty("description").GetString());
        Assert.True(pay.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _));
        Assert.True(pay.GetProperty("responses").TryGetProperty("404", out _));
    }
}

public sealed class TelemetryHttpTestsOnSqlite() : TelemetryHttpTests(SqlDialect.Sqlite);

public sealed class TelemetryHttpTestsOnPostgres() : TelemetryHttpTests(SqlDialect.Postgres), IPostgresTest;
