using System.Net;
using System.Text;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;

namespace Portal.IntegrationTests.Http.Identity;

/// <summary>For each customer and back-office route, each kind of caller gets the status API.md promises.</summary>
public abstract class RoleMatrixHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    private static readonly string[] Callers = ["anonymous", "basic", "accounting", "admin", "otherAdmin", "finance"];

    [DbFact]
    public async Task Every_route_answers_each_caller_as_the_contract_says()
    {
        var account = await Factory.CreateAccountAsync("A-1");
        var other = await Factory.CreateAccountAsync("A-2");
        await Factory.AddMemberAsync(account, "admin", AccountRole.Admin);
        await Factory.AddMemberAsync(account, "basic", AccountRole.Basic);
        await Factory.AddMemberAsync(account, "accounting", AccountRole.Accounting);
        await Factory.AddMemberAsync(other, "otherAdmin", AccountRole.Admin);
        await Factory.AddStaffAsync("finance");
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = Factory.Anonymous() };
        foreach (var caller in Callers.Skip(1))
            clients[caller] = await Factory.LoginAsync(caller);

        // Expected status per caller, in the order of Callers. Safe bodies: nothing is changed for real.
        var routes = new (string Method, string Path, string? Body, int[] Expected)[]
        {
            ("GET", $"/api/accounts/{account}/users", null, [401, 403, 403, 200, 404, 404]),
            ("POST", $"/api/accounts/{account}/invitations", "{\"email\":\"bad\",\"role\":\"basic\"}", [401, 403, 403, 400, 404, 404]),
            ("PUT", $"/api/accounts/{account}/users/nobody", "{\"role\":\"basic\"}", [401, 403, 403, 404, 404, 404]),
            ("DELETE", $"/api/accounts/{account}/users/nobody", null, [401, 403, 403, 404, 404, 404]),
            ("GET", "/api/me", null, [401, 200, 200, 200, 200, 200]),
            ("GET", "/api/backoffice/accounts", null, [401, 403, 403, 403, 403, 200]),
            ("POST", "/api/backoffice/accounts", "{\"accountNumber\":\"\"}", [401, 403, 403, 403, 403, 400]),
            ("POST", $"/api/backoffice/accounts/{account}/invitations", "{\"email\":\"bad\",\"role\":\"basic\"}", [401, 403, 403, 403, 403, 400]),
            ("POST", "/api/backoffice/jobs/no-such-job/run", null, [401, 403, 403, 403, 403, 404]),
        };

        var mismatches = new List<string>();
        foreach (var (method, path, body, expected) in routes)
            for (var i = 0; i < Callers.Length; i++)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (body is not null)
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                var status = (int)(await clients[Callers[i]].SendAsync(request)).StatusCode;
                if (status != expected[i])
                    mismatches.Add($"{method} {path} as {Callers[i]}: {status}, expected {expected[i]}");
            }

        Assert.Empty(mismatches);
    }
}

public sealed class RoleMatrixHttpTestsOnSqlite() : RoleMatrixHttpTests(SqlDialect.Sqlite);

public sealed class RoleMatrixHttpTestsOnPostgres() : RoleMatrixHttpTests(SqlDialect.Postgres), IPostgresTest;
