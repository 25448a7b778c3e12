using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;

namespace Portal.IntegrationTests.Http.Identity;

/// <summary>A cookie written by one host works on another, and logging out on one ends it on both.</summary>
public sealed class TwoHostSessionTestsOnPostgres : IPostgresTest
{
    [DbFact]
    public async Task Cookie_from_one_host_works_on_the_other_until_logout_on_either()
    {
        await using var database = await TestDatabase.CreateAsync(SqlDialect.Postgres);
        await using var first = new PortalWebFactory(database);
        await using var second = new PortalWebFactory(database);
        var account = await first.CreateAccountAsync();
        await first.AddMemberAsync(account, "pat", AccountRole.Admin);
        var onFirst = first.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var login = await onFirst.PostAsJsonAsync("/api/auth/login", new { userId = "pat", password = PortalUsers.Password });
        var cookie = login.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("portal.session=")).Split(';')[0];
        var onSecond = second.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        onSecond.DefaultRequestHeaders.Add("Cookie", cookie);

        var before = await onSecond.GetAsync("/api/me");
        onFirst.DefaultRequestHeaders.Add("X-Portal-Csrf", "1");
        (await onFirst.PostAsync("/api/auth/logout", null)).EnsureSuccessStatusCode();
        var after = await onSecond.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }
}
