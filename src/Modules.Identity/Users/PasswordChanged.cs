using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Email;
using Portal.BuildingBlocks.Mediation;
using Portal.Modules.Identity.Emails;

namespace Portal.Modules.Identity.Users;

/// <summary>Internal: a user's password was changed (on the profile or through the API) or reset from an emailed link.</summary>
internal sealed record PasswordChangedEvent(Guid UserKey, bool ByReset) : IIntegrationEvent;

/// <summary>
/// Tells the user, whatever their notification switch says: a change they did not make means someone else has their
/// login, and this email is how they find out.
/// </summary>
internal sealed class PasswordChangedEventHandler(IDatabase db, IEmailSender email, IdentityEmails emails) : INotificationHandler<PasswordChangedEvent>
{
    public async Task Handle(PasswordChangedEvent changed, CancellationToken ct)
    {
        var user = await db.QuerySingleOrDefaultAsync<UserRow>("select email, name from identity_users where id = @UserKey", changed, ct);
        if (user is not null)
            await email.SendAsync(emails.PasswordChanged(user.Email, user.Name, changed.ByReset), ct);
    }

    private sealed record UserRow
    {
        public string Email { get; init; } = "";
        public string Name { get; init; } = "";
    }
}
