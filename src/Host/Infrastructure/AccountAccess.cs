using MediatR;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Sessions;
using Portal.Modules.Identity.Contracts.Users;

namespace Portal.Host.Infrastructure;

/// <summary>What a route under /api/accounts/{accountId} needs from the caller's role in that account.</summary>
internal enum AccountPermission
{
    /// <summary>Jobsites, visits, dashboard: every member.</summary>
    ViewWork,

    /// <summary>Invoices, payments, payment methods, autopay: accounting and admin.</summary>
    Billing,

    /// <summary>The Users page: admin only.</summary>
    ManageUsers,
}

internal static class AccountAccess
{
    /// <summary>Non-members get 404 (the account's existence is not revealed); members whose role is too low get 403.</summary>
    public static TBuilder RequireAccount<TBuilder>(this TBuilder builder, AccountPermission permission) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization().AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!Guid.TryParse(http.GetRouteValue("accountId") as string, out var accountId))
                return NotFound();
            var role = await RoleAsync(http, accountId);
            if (role is null)
                return NotFound();
            if (role < Needed(permission))
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.",
                    detail: $"Your role in this account ({role.ToString()!.ToLowerInvariant()}) does not allow this.");
            return await next(context);
        });

    public static async Task<AccountRole?> RoleAsync(HttpContext http, Guid accountId)
    {
        var userKey = http.User.UserKey();
        if (userKey == Guid.Empty)
            return null;
        if (http.Items[typeof(SessionDto)] is SessionDto { Memberships: { } memberships } session && session.UserKey == userKey)
            return memberships.FirstOrDefault(m => m.AccountId == accountId)?.Role;
        return await http.RequestServices.GetRequiredService<IMediator>().Send(new GetAccountRoleQuery(userKey, accountId), http.RequestAborted);
    }

    public static bool Allows(AccountRole? role, AccountPermission permission) => role is not null && role >= Needed(permission);

    private static AccountRole Needed(AccountPermission permission) => permission switch
    {
        AccountPermission.ViewWork => AccountRole.Basic,
        AccountPermission.Billing => AccountRole.Accounting,
        _ => AccountRole.Admin,
    };

    private static IResult NotFound() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "There is no such account.");
}
