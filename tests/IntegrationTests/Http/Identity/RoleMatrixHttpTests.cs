using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Identity;

/// <summary>For each customer and back-office route, each kind of caller gets the status API.md promises.</summary>
public abstract class RoleMatrixHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    [DbFact]
    public async Task Every_route_answers_each_caller_as_the_contract_says()
    {
        var account = await Factory.CreateAccountAsync("A-1");
        var other = await Factory.CreateAccountAsync("A-2");
        var matrix = await RoleMatrix.ArrangeAsync(Factory, account, other);

        // Expected status per caller, in the order of Callers. Safe bodies: nothing is changed for real.
        RoleMatrix.Route[] routes =
        [
            new("GET", $"/api/accounts/{account}/users", RoleMatrix.None, [401, 403, 403, 200, 404, 404]),
            new("POST", $"/api/accounts/{account}/invitations", RoleMatrix.Json("{\"email\":\"bad\",\"role\":\"basic\"}"), [401, 403, 403, 400, 404, 404]),
            new("PUT", $"/api/accounts/{account}/users/nobody", RoleMatrix.Json("{\"role\":\"basic\"}"), [401, 403, 403, 404, 404, 404]),
            new("DELETE", $"/api/accounts/{account}/users/nobody", RoleMatrix.None, [401, 403, 403, 404, 404, 404]),
            new("GET", "/api/me", RoleMatrix.None, [401, 200, 200, 200, 200, 200]),
            new("GET", "/api/backoffice/accounts", RoleMatrix.None, [401, 403, 403, 403, 403, 200]),
            new("POST", "/api/backoffice/accounts", RoleMatrix.Json("{\"accountNumber\":\"\"}"), [401, 403, 403, 403, 403, 400]),
            new("POST", $"/api/backoffice/accounts/{account}/invitations", RoleMatrix.Json("{\"email\":\"bad\",\"role\":\"basic\"}"), [401, 403, 403, 403, 403, 400]),
            new("POST", "/api/backoffice/jobs/no-such-job/run", RoleMatrix.None, [401, 403, 403, 403, 403, 404]),
        ];

        Assert.Empty(await matrix.MismatchesAsync(routes));
    }
}

public sealed class RoleMatrixHttpTestsOnSqlite() : RoleMatrixHttpTests(SqlDialect.Sqlite);

public sealed class RoleMatrixHttpTestsOnPostgres() : RoleMatrixHttpTests(SqlDialect.Postgres), IPostgresTest;
