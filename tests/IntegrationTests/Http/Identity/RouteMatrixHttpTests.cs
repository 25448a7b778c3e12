using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http.Identity;

/// <summary>
/// Every /api route, as each kind of caller (the staff admin included), answers exactly the status in its row; a route the
/// host maps without a row here fails the test. Bodies are refused or harmless, so nothing changes for real; logout is last.
/// </summary>
public abstract partial class RouteMatrixHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    // Callers: anonymous, basic, accounting, admin, otherAdmin, finance, staffAdmin.
    private static readonly (string Method, string Template, string? Json, int[] Expected)[] Rows =
    [
        ("POST", "/api/auth/login", "login", [401, 401, 401, 401, 401, 401, 401]),
        // 202 whatever the input, so the answer never tells whether a user ID exists (API.md).
        ("POST", "/api/auth/forgot-password", "{}", [202, 202, 202, 202, 202, 202, 202]),
        ("POST", "/api/auth/reset-password", """{"token":"nope","newPassword":"Sturdy-Pass-91"}""", [400, 400, 400, 400, 400, 400, 400]),
        ("POST", "/api/auth/register", """{"invitationToken":"nope","userId":"x1","name":"X","password":"Sturdy-Pass-91"}""", [400, 400, 400, 400, 400, 400, 400]),
        ("GET", "/api/invitations/{token}", null, [404, 404, 404, 404, 404, 404, 404]),
        ("GET", "/api/me", null, [401, 200, 200, 200, 200, 200, 200]),
        ("PUT", "/api/me/password", "{}", [401, 400, 400, 400, 400, 400, 400]),
        ("PUT", "/api/me/preferences", "{}", [401, 400, 400, 400, 400, 400, 400]),
        ("GET", "/api/accounts/{accountId:guid}/users", null, [401, 403, 403, 200, 404, 404, 404]),
        ("POST", "/api/accounts/{accountId:guid}/invitations", """{"email":"bad","role":"basic"}""", [401, 403, 403, 400, 404, 404, 404]),
        ("PUT", "/api/accounts/{accountId:guid}/users/{userId}", """{"role":"basic"}""", [401, 403, 403, 404, 404, 404, 404]),
        ("DELETE", "/api/accounts/{accountId:guid}/users/{userId}", null, [401, 403, 403, 404, 404, 404, 404]),
        ("GET", "/api/backoffice/accounts", null, [401, 403, 403, 403, 403, 200, 200]),
        ("PUT", "/api/backoffice/accounts/{accountId:guid}", "{}", [401, 403, 403, 403, 403, 400, 400]),
        ("POST", "/api/backoffice/accounts", """{"accountNumber":""}""", [401, 403, 403, 403, 403, 400, 400]),
        ("POST", "/api/backoffice/accounts/{accountId:guid}/invitations", """{"email":"bad","role":"basic"}""", [401, 403, 403, 403, 403, 400, 400]),
        ("GET", "/api/accounts/{accountId:guid}/summary", null, [401, 403, 200, 200, 404, 404, 404]),
        ("GET", "/api/accounts/{accountId:guid}/invoices", null, [401, 403, 200, 200, 404, 404, 404]),
        ("GET", "/api/accounts/{accountId:guid}/invoices/{invoiceId:guid}", null, [401, 403, 404, 404, 404, 404, 404]),
        ("GET", "/api/accounts/{accountId:guid}/invoices/{invoiceId:guid}/pdf", null, [401, 403, 404, 404, 404, 404, 404]),
        ("GET", "/api/accounts/{accountId:guid}/payments/{paymentId:guid}/receipt", null, [401, 403, 404, 404, 404, 404, 404]),
        ("GET", "/api/accounts/{accountId:guid}/statement", null, [401, 403, 200, 200, 404, 404, 404]),
        ("POST", "/api/backoffice/invoices", "{}", [401, 403, 403, 403, 403, 400, 400]),
        ("GET", "/api/backoffice/invoices", null, [401, 403, 403, 403, 403, 200, 200]),
        ("POST", "/api/backoffice/invoices/{invoiceId:guid}/void", null, [401, 403, 403, 403, 403, 404, 404]),
        ("POST", "/api/backoffice/invoices/import", "", [401, 403, 403, 403, 403, 400, 400]),
        ("GET", "/api/backoffice/imports/{importId:guid}", null, [401, 403, 403, 403, 403, 404, 404]),
        ("GET", "/api/backoffice/reports/aging", null, [401, 403, 403, 403, 403, 200, 200]),
        ("POST", "/api/accounts/{accountId:guid}/payments", """{"amount":{"currency":"USD","value":100}}""", [401, 403, 400, 400, 404, 404, 404]),
        ("GET", "/api/accounts/{accountId:guid}/payments", null, [401, 403, 200, 200, 404, 404, 404]),
        ("GET", "/api/accounts/{accountId:guid}/payments/{paymentId:guid}", null, [401, 403, 404, 404, 404, 404, 404]),
        ("GET", "/api/accounts/{accountId:guid}/payment-methods", null, [401, 403, 200, 200, 404, 404, 404]),
        ("PUT", "/api/accounts/{accountId:guid}/payment-methods/{paymentMethodId:guid}/default", null, [401, 403, 404, 404, 404, 404, 404]),
        ("DELETE", "/api/accounts/{accountId:guid}/payment-methods/{paymentMethodId:guid}", null, [401, 403, 404, 404, 404, 404, 404]),
        ("GET", "/api/accounts/{accountId:guid}/autopay", null, [401, 403, 200, 200, 404, 404, 404]),
        ("PUT", "/api/accounts/{accountId:guid}/autopay", "{}", [401, 403, 400, 400, 404, 404, 404]),
        ("POST", "/api/accounts/{accountId:guid}/autopay/skips", "{}", [401, 403, 400, 400, 404, 404, 404]),
        ("GET", "/api/backoffice/payments", null, [401, 403, 403, 403, 403, 200, 200]),
        ("POST", "/api/backoffice/payments/{paymentId:guid}/refunds", "{}", [401, 403, 403, 403, 403, 400, 400]),
        ("GET", "/api/backoffice/reports/reconciliation", null, [401, 403, 403, 403, 403, 200, 200]),
        ("POST", "/api/webhooks/adyen", "{}", [401, 401, 401, 401, 401, 401, 401]),
        ("POST", "/api/backoffice/jobs/{job}/run", null, [401, 403, 403, 403, 403, 404, 404]),
        ("GET", "/api/accounts/{accountId:guid}/jobsites", null, [401, 200, 200, 200, 404, 404, 404]),
        ("GET", "/api/accounts/{accountId:guid}/jobsites/{jobsiteId:guid}", null, [401, 404, 404, 404, 404, 404, 404]),
        ("GET", "/api/accounts/{accountId:guid}/visits", null, [401, 200, 200, 200, 404, 404, 404]),
        ("GET", "/api/accounts/{accountId:guid}/photos/{photoId:guid}", null, [401, 404, 404, 404, 404, 404, 404]),
        ("POST", "/api/backoffice/jobsites", "{}", [401, 403, 403, 403, 403, 400, 400]),
        ("POST", "/api/backoffice/jobsites/{jobsiteId:guid}/visits", "{}", [401, 403, 403, 403, 403, 400, 400]),
        ("PUT", "/api/backoffice/visits/{visitId:guid}", "{}", [401, 403, 403, 403, 403, 400, 400]),
        ("POST", "/api/backoffice/visits/{visitId:guid}/photos", null, [401, 403, 403, 403, 403, 415, 415]),
        ("POST", "/api/auth/logout", null, [401, 204, 204, 204, 204, 204, 204]),
    ];

    [DbFact]
    public async Task Every_api_route_has_a_row_and_answers_each_caller_exactly_as_it_says()
    {
        var account = await Factory.CreateAccountAsync("A-1");
        var other = await Factory.CreateAccountAsync("A-2");
        var matrix = await RoleMatrix.ArrangeAsync(Factory, account, other);

        var mapped = MappedApiRoutes();
        var listed = Rows.Select(r => $"{r.Method} {r.Template}").ToHashSet();
        var mismatches = await matrix.MismatchesAsync(Rows.Select(r => new RoleMatrix.Route(r.Method, Concrete(r.Template, account), Body(r.Json), r.Expected)));

        Assert.Empty(mapped.Except(listed).Select(route => $"no row for {route}"));
        Assert.Empty(listed.Except(mapped).Select(route => $"a row for {route}, which the host does not map"));
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    private HashSet<string> MappedApiRoutes() =>
        Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => $"{method} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .ToHashSet();

    private static string Concrete(string template, Guid account) => Parameter().Replace(template, m => m.Groups[1].Value switch
    {
        "accountId" => account.ToString(),
        "userId" => "nobody",
        "token" => "no-such-token",
        "job" => "no-such-job",
        _ => Guid.NewGuid().ToString(),
    });

    private static Func<HttpContent?> Body(string? json) => json switch
    {
        null => RoleMatrix.None,
        "" => () => new StringContent("", Encoding.UTF8, new MediaTypeHeaderValue("text/csv")),
        // A new unknown user ID each time: five failures for one ID would lock it (429) part-way through the callers.
        "login" => () => RoleMatrix.Json($$"""{"userId":"nobody-{{Guid.NewGuid():N}}","password":"Wrong-Pass-1"}""")(),
        _ => RoleMatrix.Json(json),
    };

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}

public sealed class RouteMatrixHttpTestsOnSqlite() : RouteMatrixHttpTests(SqlDialect.Sqlite);

public sealed class RouteMatrixHttpTestsOnPostgres() : RouteMatrixHttpTests(SqlDialect.Postgres), IPostgresTest;
