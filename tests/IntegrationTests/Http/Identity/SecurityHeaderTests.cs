using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Identity;

public sealed class SecurityHeaderTests() : HttpTest(SqlDialect.Sqlite)
{
    [DbFact]
    public async Task Pages_forbid_framing_sniffing_and_foreign_scripts()
    {
        var response = await CreateClient().GetAsync("/login");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [DbFact]
    public async Task Login_form_without_an_antiforgery_token_is_refused()
    {
        var response = await CreateClient().PostAsync("/login", new FormUrlEncodedContent([new("UserId", "x"), new("Password", "y")]));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }
}
