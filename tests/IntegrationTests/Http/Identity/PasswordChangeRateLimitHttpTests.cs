using System.Net;
using System.Text.RegularExpressions;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;

namespace Portal.IntegrationTests.Http.Identity;

/// <summary>The profile page's password form is limited like PUT /api/me/password, from the same per-client bucket.</summary>
public sealed partial class PasswordChangeRateLimitHttpTests() : HttpTest(SqlDialect.Sqlite)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:AuthPerMinute"] = "4" };

    [DbFact]
    public async Task Profile_password_form_beyond_the_auth_limit_is_429_while_the_page_still_loads()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "pat", AccountRole.Admin);
        var client = await Factory.LoginAsync("pat");
        var page = await client.GetStringAsync("/profile");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            answers.Add((await client.PostAsync("/profile?handler=Password", new FormUrlEncodedContent(
            [
                new("__RequestVerificationToken", token), new("CurrentPassword", $"Wrong-Guess-{i}"),
                new("NewPassword", "Brand-New-Pass-7"), new("Confirm", "Brand-New-Pass-7"),
            ]))).StatusCode);
        var pageAgain = await client.GetAsync("/profile");

        // The sign-in took one of the four permits; three guesses are judged, the fourth is refused.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.OK, pageAgain.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
