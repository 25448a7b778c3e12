using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Portal.Host.Infrastructure;
using Portal.Modules.Identity.Contracts.Invitations;
using Portal.Modules.Identity.Contracts.Sessions;
using Portal.Modules.Identity.Contracts.Users;

namespace Portal.Host.Api.Identity;

internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").RequireRateLimiting(AuthSetup.AuthRateLimit);

        auth.MapPost("/login", async (LoginRequest body, IMediator mediator, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        {
            var result = await mediator.Send(new LoginCommand(body.UserId ?? "", body.Password ?? ""), ct);
            switch (result.Outcome)
            {
                case LoginOutcome.Succeeded:
                    await AuthSetup.SignInAsync(http, result.Session!);
                    return Results.Ok(new { userId = result.Session!.UserId, name = result.Session.Name });
                case LoginOutcome.LockedOut:
                    http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((result.RetryAt!.Value - clock.GetUtcNow()).TotalSeconds)).ToString();
                    return Results.Problem(statusCode: 429, title: "Too many attempts.",
                        detail: "Too many failed sign-ins for this user ID. Wait 15 minutes or reset your password.");
                default:
                    return Results.Problem(statusCode: 401, title: "Sign-in failed.", detail: "The user ID or password is not right.");
            }
        });

        auth.MapPost("/logout", async (IMediator mediator, HttpContext http, CancellationToken ct) =>
        {
            if (http.User.SessionKey() is { } key)
                await mediator.Send(new LogoutCommand(key), ct);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).RequireAuthorization();

        auth.MapPost("/forgot-password", async (ForgotPasswordRequest body, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new ForgotPasswordCommand(body.UserId ?? "", body.Email ?? ""), ct);
            return Results.Accepted();
        });

        auth.MapPost("/reset-password", async (ResetPasswordRequest body, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new ResetPasswordCommand(body.Token ?? "", body.NewPassword ?? ""), ct);
            return Results.NoContent();
        });

        auth.MapPost("/register", async (RegisterRequest body, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new RegisterCommand(body.InvitationToken ?? "", body.UserId ?? "", body.Name ?? "", body.Password ?? ""), ct);
            return Results.Created("/api/me", new { userId = body.UserId });
        });

        api.MapGet("/invitations/{token}", async (string token, IMediator mediator, CancellationToken ct) =>
            await mediator.Send(new GetInvitationQuery(token), ct) is { } invitation
                ? Results.Ok(invitation)
                : Results.Problem(statusCode: 404, title: "Not found.", detail: "This invitation link is not valid: it was already used, has expired, or is mistyped."))
            .RequireRateLimiting(AuthSetup.AuthRateLimit);
    }

    private sealed record LoginRequest(string? UserId, string? Password);

    private sealed record ForgotPasswordRequest(string? UserId, string? Email);

    private sealed record ResetPasswordRequest(string? Token, string? NewPassword);

    private sealed record RegisterRequest(string? InvitationToken, string? UserId, string? Name, string? Password);
}
