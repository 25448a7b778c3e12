using System.Net.Http.Json;
using MediatR;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Identity.Contracts.Invitations;
using Portal.Modules.Identity.Contracts.Users;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>Arranges accounts and people through the real commands, and signs them in over HTTP.</summary>
public static class PortalUsers
{
    public const string Password = "Tulip-Garden-42";

    public static async Task<T> SendAsync<T>(this PortalWebFactory portal, IRequest<T> request)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    public static Task<Guid> CreateAccountAsync(this PortalWebFactory portal, string number = "A-100", string name = "Greenway HOA") =>
        portal.SendAsync(new CreateAccountCommand(number, name, $"billing-{number}@example.test"));

    /// <summary>Invites the user by email and registers them from the emailed link, as a person would.</summary>
    public static async Task<string> AddMemberAsync(this PortalWebFactory portal, Guid accountId, string userId, AccountRole role)
    {
        var email = $"{userId}@example.test";
        var before = portal.Mailbox.To(email).Count;
        await portal.SendAsync(new InviteUserCommand(accountId, email, role, null));
        var link = portal.Mailbox.To(email)[before].LinkStartingWith("http://localhost/register?token=")!;
        await portal.SendAsync(new RegisterCommand(link.Split("token=")[1], userId, $"Test {userId}", Password));
        return userId;
    }

    public static Task<Guid> AddStaffAsync(this PortalWebFactory portal, string userId, StaffRole role = StaffRole.Finance) =>
        portal.SendAsync(new CreateStaffUserCommand(userId, $"Staff {userId}", $"{userId}@provider.test", role, Password));

    public static async Task<HttpClient> LoginAsync(this PortalWebFactory portal, string userId, string password = Password)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        // A script, not a form: it may send the header that cookie-authenticated changes without a JSON body need (CsrfHeaderHttpTests).
        client.DefaultRequestHeaders.Add("X-Portal-Csrf", "1");
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userId, password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public static HttpClient Anonymous(this PortalWebFactory portal) =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
