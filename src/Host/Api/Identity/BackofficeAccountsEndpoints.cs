using MediatR;
using Portal.Host.Infrastructure;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Identity.Contracts.Invitations;

namespace Portal.Host.Api.Identity;

internal static class BackofficeAccountsEndpoints
{
    public static void MapBackofficeAccountsEndpoints(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/backoffice/accounts").RequireAuthorization(AuthPolicies.Staff);

        accounts.MapPost("", async (CreateAccountRequest body, IMediator mediator, CancellationToken ct) =>
        {
            var id = await mediator.Send(new CreateAccountCommand(body.AccountNumber ?? "", body.Name ?? "", body.BillingEmail ?? ""), ct);
            return Results.Created($"/api/backoffice/accounts/{id}", new { accountId = id });
        });

        accounts.MapGet("", async (string? search, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new SearchAccountsQuery(search, limit, cursor), ct)));

        accounts.MapPut("/{accountId:guid}", async (Guid accountId, UpdateAccountRequest body, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new UpdateAccountCommand(accountId, body.Name ?? "", body.BillingEmail ?? "", body.TimeZone ?? ""), ct);
            return Results.NoContent();
        });

        accounts.MapPost("/{accountId:guid}/invitations", async (Guid accountId, AccountUsersEndpoints.InvitationRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            Results.Created((string?)null, await mediator.Send(new InviteUserCommand(accountId, body.Email ?? "", body.Role ?? 0, http.User.UserKey()), ct)));
    }

    private sealed record CreateAccountRequest(string? AccountNumber, string? Name, string? BillingEmail);

    private sealed record UpdateAccountRequest(string? Name, string? BillingEmail, string? TimeZone);
}
