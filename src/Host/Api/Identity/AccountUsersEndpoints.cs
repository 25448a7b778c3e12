using MediatR;
using Portal.Host.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Invitations;
using Portal.Modules.Identity.Contracts.Members;

namespace Portal.Host.Api.Identity;

internal static class AccountUsersEndpoints
{
    public static void MapAccountUsersEndpoints(this RouteGroupBuilder api)
    {
        var account = api.MapGroup("/accounts/{accountId:guid}").RequireAccount(AccountPermission.ManageUsers);

        account.MapGet("/users", async (Guid accountId, IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new GetAccountUsersQuery(accountId), ct)));

        account.MapPost("/invitations", async (Guid accountId, InvitationRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
            Results.Created((string?)null, await mediator.Send(new InviteUserCommand(accountId, body.Email ?? "", body.Role ?? 0, http.User.UserKey()), ct)));

        account.MapPut("/users/{userId}", async (Guid accountId, string userId, RoleRequest body, IMediator mediator, CancellationToken ct) =>
        {
            if (body.Role is not { } role)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["Role must be basic, accounting or admin."] });
            await mediator.Send(new ChangeMemberRoleCommand(accountId, userId, role), ct);
            return Results.NoContent();
        });

        account.MapDelete("/users/{userId}", async (Guid accountId, string userId, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new RemoveMemberCommand(accountId, userId), ct);
            return Results.NoContent();
        });
    }

    internal sealed record InvitationRequest(string? Email, AccountRole? Role);

    private sealed record RoleRequest(AccountRole? Role);
}
