using System.Text;
using Portal.Modules.Identity.Contracts;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>
/// Every kind of caller API.md distinguishes, signed in, and a runner that lists each route whose answer differs
/// from the expected status (one list, so a failure names every offender at once).
/// </summary>
public sealed class RoleMatrix(IReadOnlyDictionary<string, HttpClient> clients)
{
    public static readonly string[] Callers = ["anonymous", "basic", "accounting", "admin", "otherAdmin", "finance"];

    /// <summary>Callers plus a staff admin; a route's expected statuses cover the first Expected.Length of these.</summary>
    public static readonly string[] AllCallers = [.. Callers, "staffAdmin"];

    public sealed record Route(string Method, string Path, Func<HttpContent?> Body, int[] Expected);

    /// <summary>Members of <paramref name="account"/> in each role, an admin of <paramref name="other"/>, and a finance user.</summary>
    public static async Task<RoleMatrix> ArrangeAsync(PortalWebFactory portal, Guid account, Guid other)
    {
        await portal.AddMemberAsync(account, "admin", AccountRole.Admin);
        await portal.AddMemberAsync(account, "basic", AccountRole.Basic);
        await portal.AddMemberAsync(account, "accounting", AccountRole.Accounting);
        await portal.AddMemberAsync(other, "otherAdmin", AccountRole.Admin);
        await portal.AddStaffAsync("finance");
        await portal.AddStaffAsync("staffAdmin", StaffRole.Admin);
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = portal.Anonymous() };
        foreach (var caller in AllCallers.Skip(1))
            clients[caller] = await portal.LoginAsync(caller);
        return new RoleMatrix(clients);
    }

    public static HttpContent? None() => null;

    public static Func<HttpContent?> Json(string json) => () => new StringContent(json, Encoding.UTF8, "application/json");

    public async Task<IReadOnlyList<string>> MismatchesAsync(IEnumerable<Route> routes)
    {
        var mismatches = new List<string>();
        foreach (var route in routes)
            for (var i = 0; i < route.Expected.Length; i++)
            {
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path) { Content = route.Body() };
                var status = (int)(await clients[AllCallers[i]].SendAsync(request)).StatusCode;
                if (status != route.Expected[i])
                    mismatches.Add($"{route.Method} {route.Path} as {AllCallers[i]}: {status}, expected {route.Expected[i]}");
            }
        return mismatches;
    }
}
