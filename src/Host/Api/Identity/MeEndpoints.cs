using MediatR;
using Portal.Host.Infrastructure;
using Portal.Modules.Identity.Contracts.Users;

namespace Portal.Host.Api.Identity;

internal static class MeEndpoints
{
    public static void MapMeEndpoints(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").RequireAuthorization();

        me.MapGet("", async (IMediator mediator, HttpContext http, CancellationToken ct) =>
            await mediator.Send(new GetMeQuery(http.User.UserKey()), ct) is { } profile ? Results.Ok(profile) : Results.Unauthorized());

        me.MapPut("/password", async (ChangePasswordRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
        {
            await mediator.Send(new ChangePasswordCommand(http.User.UserKey(), body.CurrentPassword ?? "", body.NewPassword ?? "", http.User.SessionKey()), ct);
            return Results.NoContent();
        }).RequireRateLimiting(AuthSetup.AuthRateLimit);

        me.MapPut("/preferences", async (PreferencesRequest body, IMediator mediator, HttpContext http, CancellationToken ct) =>
        {
            if (body.EmailNotifications is not { } on)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["emailNotifications"] = ["Say true or false."] });
            await mediator.Send(new UpdatePreferencesCommand(http.User.UserKey(), on), ct);
            return Results.NoContent();
        });
    }

    private sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

    private sealed record PreferencesRequest(bool? EmailNotifications);
}
