using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Email;
using Portal.BuildingBlocks.Mediation;
using Portal.BuildingBlocks.Messaging;
using Portal.Modules.Identity.Contracts.Users;
using Portal.Modules.Identity.Emails;

namespace Portal.Modules.Identity.Users;

/// <summary>
/// Answers without sending anything: a match only records a reset and queues its email through the outbox, so a match
/// takes the same time as a miss and a mail outage cannot be seen from outside.
/// </summary>
internal sealed class ForgotPasswordCommandHandler(IMediator mediator) : IRequestHandler<ForgotPasswordCommand, Unit>
{
    public async Task<Unit> Handle(ForgotPasswordCommand command, CancellationToken ct)
    {
        await mediator.Send(new IssuePasswordResetCommand(command.UserId ?? "", command.Email ?? ""), ct);
        return Unit.Value;
    }
}

internal sealed record IssuePasswordResetCommand(string UserId, string Email) : ICommand;

/// <summary>Internal: a reset was recorded under a placeholder hash; the email's handler swaps in the real token's hash.</summary>
internal sealed record PasswordResetRequestedEvent(string PendingHash) : IIntegrationEvent;

internal sealed class IssuePasswordResetCommandHandler(IDatabase db, IOutbox outbox, IdentityOptions options, TimeProvider clock)
    : AsyncRequestHandler<IssuePasswordResetCommand>
{
    protected override async Task Handle(IssuePasswordResetCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = await db.QuerySingleOrDefaultAsync<UserRow>(db.Dialect == SqlDialect.Postgres ? UserForUpdate : User,
            new { Normalized = Roles.Normalize(command.UserId) }, ct);
        if (user is null || !string.Equals(user.Email.Trim(), command.Email.Trim(), StringComparison.OrdinalIgnoreCase))
            return;
        // A cap per user keeps the form from being used to flood someone's inbox; the answer stays the same. The user row is
        // locked (SQLite's writer lock does the same), so parallel requests count one after another and cannot pass it together.
        var recent = await db.QuerySingleOrDefaultAsync<long>(
            "select count(*) from identity_password_resets where user_key = @Id and created_at > @HourAgo", new { user.Id, HourAgo = now.AddHours(-1) }, ct);
        if (recent >= options.ResetEmailsPerHour)
            return;
        // The raw token never reaches the database or the outbox: the row waits under the hash of a value nobody knows.
        var pendingHash = Tokens.Hash(Tokens.New());
        await db.ExecuteAsync("""
            insert into identity_password_resets (token_hash, user_key, created_at, expires_at) values (@Hash, @UserKey, @Now, @Expires)
            """, new { Hash = pendingHash, UserKey = user.Id, Now = now, Expires = now + options.ResetLifetime }, ct);
        outbox.Add(new PasswordResetRequestedEvent(pendingHash));
    }

    private const string User = "select id, email from identity_users where user_id_normalized = @Normalized";

    private const string UserForUpdate = User + " for update";

    private sealed record UserRow
    {
        public Guid Id { get; init; }
        public string Email { get; init; } = "";
    }
}

/// <summary>Mints the token, stores its hash in place of the placeholder and emails the link; a rerun after a failed send mints anew.</summary>
internal sealed class PasswordResetRequestedEventHandler(IDatabase db, IEmailSender email, IdentityEmails emails, TimeProvider clock)
    : INotificationHandler<PasswordResetRequestedEvent>
{
    public async Task Handle(PasswordResetRequestedEvent requested, CancellationToken ct)
    {
        var token = Tokens.New();
        var claimed = await db.QuerySingleOrDefaultAsync<Guid?>("""
            update identity_password_resets set token_hash = @Hash
            where token_hash = @PendingHash and used_at is null and expires_at > @Now
            returning user_key
            """, new { Hash = Tokens.Hash(token), requested.PendingHash, Now = clock.GetUtcNow() }, ct);
        if (claimed is null)
            return;
        var user = await db.QuerySingleOrDefaultAsync<UserRow>("select email, name from identity_users where id = @UserKey", new { UserKey = claimed }, ct);
        if (user is not null)
            await email.SendAsync(emails.PasswordReset(user.Email, user.Name, token), ct);
    }

    private sealed record UserRow
    {
        public string Email { get; init; } = "";
        public string Name { get; init; } = "";
    }
}
