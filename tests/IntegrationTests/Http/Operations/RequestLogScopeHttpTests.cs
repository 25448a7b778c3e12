using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;

namespace Portal.IntegrationTests.Http.Operations;

public abstract class RequestLogScopeHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Account_request_logs_carry_the_account_and_user_keys_and_no_personal_data()
    {
        var capture = new LogCapture();
        await using var portal = Factory.WithWebHostBuilder(b => b
            .UseSetting("Logging:LogLevel:Portal", "Debug")
            .ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(capture)));
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "scoped.user", AccountRole.Accounting);
        var user = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        (await user.PostAsync("/api/auth/login", System.Net.Http.Json.JsonContent.Create(new { userId = "scoped.user", password = PortalUsers.Password })))
            .EnsureSuccessStatusCode();
        capture.Entries.Clear();

        (await user.GetAsync($"/api/accounts/{account}/invoices")).EnsureSuccessStatusCode();

        var entries = capture.Entries.Where(e => e.Scope.ContainsKey("AccountId")).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal(account, e.Scope["AccountId"]));
        Assert.All(entries, e => Assert.NotEqual(Guid.Empty, Assert.IsType<Guid>(e.Scope["UserKey"])));
        var everything = string.Join("\n", capture.Entries.Select(e => e.Message + " " + string.Join(" ", e.Scope.Values)));
        Assert.DoesNotContain("scoped.user", everything);
        Assert.DoesNotContain(PortalUsers.Password, everything);
    }
}

public sealed class RequestLogScopeHttpTestsOnSqlite() : RequestLogScopeHttpTests(SqlDialect.Sqlite);

public sealed class RequestLogScopeHttpTestsOnPostgres() : RequestLogScopeHttpTests(SqlDialect.Postgres), IPostgresTest;
