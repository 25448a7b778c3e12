using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Http.Jobsites;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Invoicing.Contracts.Invoices;
using Xunit.Abstractions;

namespace Portal.IntegrationTests.Http;

/// <summary>
/// Issue 12, broad check: every operation of /openapi/v1.json gets sampled hostile path values, query values and bodies, each
/// sent as one of the callers in turn. No answer may be a 5xx, and a refused request (4xx) must leave the money and membership
/// tables exactly as they were (a fingerprint of their row counts and sums). The sample is seeded, so a failure repeats.
/// </summary>
public abstract class HostileInputHttpTests(SqlDialect dialect, ITestOutputHelper output) : HttpTest(dialect)
{
    private const string Fingerprint = """
        select count(*) from invoicing_invoices union all select coalesce(sum(total_minor), 0) from invoicing_invoices
        union all select count(*) from invoicing_invoices where status = 'void'
        union all select count(*) from invoicing_holds union all select coalesce(sum(amount_minor), 0) from invoicing_holds
        union all select count(*) from payments_payments union all select coalesce(sum(amount_minor), 0) from payments_payments
        union all select count(*) from payments_allocations union all select coalesce(sum(amount_minor), 0) from payments_allocations
        union all select count(*) from payments_refunds union all select coalesce(sum(amount_minor), 0) from payments_refunds
        union all select count(*) from payments_methods union all select count(*) from identity_memberships
        union all select count(*) from identity_invitations union all select count(*) from identity_users
        union all select count(*) from jobsites_jobsites union all select count(*) from jobsites_visits union all select count(*) from jobsites_photos
        """;

    private static readonly string[] Callers = ["anonymous", "basic", "accounting", "admin", "otherAdmin", "finance", "staffAdmin"];

    [DbFact]
    public async Task Every_operation_answers_hostile_input_with_a_4xx_or_success_and_refusals_change_nothing()
    {
        var (clients, ids) = await ArrangeAsync();
        using var document = JsonDocument.Parse(await clients["anonymous"].GetStringAsync("/openapi/v1.json"));
        var random = new Random(20261201);
        var failures = new List<string>();
        var sent = 0;
        var before = await FingerprintAsync();

        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                var method = operation.Name.ToUpperInvariant();
                // Logging out would end the callers' sessions for the rest of the walk; its refusal paths are in the role matrix.
                if (path.Name == "/api/auth/logout")
                    continue;
                foreach (var (name, url, body) in Variants(method, path.Name, operation.Value, document.RootElement, ids, random))
                {
                    var caller = Callers[sent % Callers.Length];
                    using var request = new HttpRequestMessage(new HttpMethod(method), url);
                    request.Headers.Add("Idempotency-Key", $"hostile-{sent}");
                    if (body is not null)
                        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                    var status = (int)(await clients[caller].SendAsync(request)).StatusCode;
                    sent++;
                    if (status >= 500)
                        failures.Add($"{method} {path.Name} [{name}] as {caller}: {status}");
                    var after = await FingerprintAsync();
                    if (status >= 400 && after != before)
                        failures.Add($"{method} {path.Name} [{name}] as {caller}: refused with {status} but changed {before} -> {after}");
                    before = after;
                }
            }

        output.WriteLine($"Sent {sent} hostile requests.");
        Assert.True(sent > 700, $"only {sent} requests were generated");
        Assert.Empty(failures);
    }

    private static IEnumerable<(string Name, string Url, string? Body)> Variants(string method, string template, JsonElement operation, JsonElement document,
        IReadOnlyDictionary<string, string> ids, Random random)
    {
        var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
        var pathNames = parameters.Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()!).ToList();
        var queryNames = parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList();
        string Url(string? hostileParameter, string? value, string? query) =>
            pathNames.Aggregate(template, (url, name) => url.Replace($"{{{name}}}",
                Uri.EscapeDataString(name == hostileParameter ? value! : ids.GetValueOrDefault(name, "no-such-thing"))))
            + (query is null ? "" : "?" + query);
        var body = operation.TryGetProperty("requestBody", out var requestBody)
                   && requestBody.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json)
                   && json.TryGetProperty("schema", out var schema)
            ? HostileInputGenerator.FromSchema(schema, document, random, 24).ToList()
            : [];
        var plausible = body.Count > 0 ? body[0].Body : null;
        // Endpoints that read the request themselves (CSV import, photo upload, webhook) have no schema in the document.
        var takesBody = operation.TryGetProperty("requestBody", out _) || method is "POST" or "PUT" or "PATCH";

        foreach (var name in pathNames)
            // A NUL in the path is refused by the in-memory client itself before any server sees it (Kestrel answers 400).
            foreach (var value in Sample(HostileInputGenerator.Strings.Where(v => !v.Contains('\0')).ToList(), random, 5))
                yield return ($"path {name}={Short(value)}", Url(name, value, null), plausible);
        foreach (var name in queryNames)
            foreach (var value in Sample(HostileInputGenerator.Strings, random, 3).Append("\0"))
                yield return ($"query {name}={Short(value)}", Url(null, null, $"{name}={Uri.EscapeDataString(value)}"), plausible);
        foreach (var (name, hostile) in body)
            yield return ($"body {name}", Url(null, null, null), hostile);
        if (takesBody || body.Count > 0)
            foreach (var (name, hostile) in Sample(HostileInputGenerator.Bodies().ToList(), random, 3))
                yield return ($"body {name}", Url(null, null, null), hostile);
        if (pathNames.Count == 0 && queryNames.Count == 0 && !takesBody)
            yield return ("as is", Url(null, null, null), null);
    }

    private static IEnumerable<T> Sample<T>(IReadOnlyList<T> items, Random random, int count) => items.OrderBy(_ => random.Next()).Take(count).ToList();

    private static string Short(string value) => value.Length > 20 ? value[..20] + "…" : value;

    private async Task<string> FingerprintAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return string.Join(",", await scope.ServiceProvider.GetRequiredService<IDatabase>().QueryAsync<long>(Fingerprint));
    }

    private async Task<(Dictionary<string, HttpClient> Clients, Dictionary<string, string> Ids)> ArrangeAsync()
    {
        var account = await Factory.CreateAccountAsync("A-1");
        var other = await Factory.CreateAccountAsync("A-2");
        await Factory.AddMemberAsync(account, "admin", AccountRole.Admin);
        await Factory.AddMemberAsync(account, "basic", AccountRole.Basic);
        await Factory.AddMemberAsync(account, "accounting", AccountRole.Accounting);
        await Factory.AddMemberAsync(other, "otherAdmin", AccountRole.Admin);
        await Factory.AddStaffAsync("finance");
        await Factory.AddStaffAsync("staffAdmin", StaffRole.Admin);
        var today = DateOnly.FromDateTime(Factory.Clock.GetUtcNow().UtcDateTime);
        var invoice = (await Factory.SendAsync(new CreateInvoiceCommand(account, "INV-1", today, today.AddDays(30), null,
            [new InvoiceLineInputDto("Mowing", 1m, Money.Dollars(50_000))], true))).InvoiceId;
        var jobsite = await Factory.AJobsiteAsync(account);
        var visit = await Factory.AVisitAsync(jobsite, Factory.Clock.GetUtcNow().AddDays(1), "Mowing");
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = Factory.Anonymous() };
        foreach (var caller in Callers.Skip(1))
            clients[caller] = await Factory.LoginAsync(caller);
        var ids = new Dictionary<string, string>
        {
            ["accountId"] = account.ToString(), ["invoiceId"] = invoice.ToString(), ["jobsiteId"] = jobsite.ToString(), ["visitId"] = visit.ToString(),
            ["userId"] = "nobody", ["job"] = "no-such-job", ["token"] = "no-such-token",
        };
        return (clients, ids);
    }
}

public sealed class HostileInputHttpTestsOnSqlite(ITestOutputHelper output) : HostileInputHttpTests(SqlDialect.Sqlite, output);

public sealed class HostileInputHttpTestsOnPostgres(ITestOutputHelper output) : HostileInputHttpTests(SqlDialect.Postgres, output), IPostgresTest;
