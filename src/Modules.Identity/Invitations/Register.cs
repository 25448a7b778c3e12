using FluentValidation;
using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Invitations;
using Portal.Modules.Identity.Passwords;
using Portal.Modules.Identity.Users;

namespace Portal.Modules.Identity.Invitations;

internal sealed class GetInvitationQueryHandler(IDatabase db, TimeProvider clock) : IRequestHandler<GetInvitationQuery, InvitationDetailsDto?>
{
    public async Task<InvitationDetailsDto?> Handle(GetInvitationQuery query, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<Invitation.Claimed>("""
            select i.email, a.name as account_name, i.role, i.account_id from identity_invitations i join identity_accounts a on a.id = i.account_id
            where i.token_hash = @Hash and i.used_at is null and i.expires_at > @Now
            """, new { Hash = Tokens.Hash(query.Token ?? ""), Now = clock.GetUtcNow() }, ct);
        return row is null ? null : new InvitationDetailsDto(row.Email, row.AccountName, Roles.Account(row.Role));
    }
}

internal sealed class RegisterCommandValidator : AbstractValidator<RegisterCommand>
{
    public RegisterCommandValidator(PasswordPolicy policy)
    {
        RuleFor(c => c.InvitationToken).NotEmpty().MaximumLength(200);
        this.NewUser(c => c.UserId, c => c.Name);
        RuleFor(c => c.Password).MeetsPolicy(policy, c => c.UserId);
    }
}

internal sealed class RegisterCommandHandler(IDatabase db, PasswordHashing hashing, TimeProvider clock) : IRequestHandler<RegisterCommand, Guid>
{
    public async Task<Guid> Handle(RegisterCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var invitation = await Invitation.ClaimAsync(db, command.InvitationToken, now, ct);
        var hash = await hashing.HashAsync(command.Password, ct);
        var userKey = await UserIds.InsertAsync(db, command.UserId, command.Name, invitation.Email, hash, null, now, ct)
            ?? throw new ConflictException($"User ID '{command.UserId}' is already taken; choose another.");
        await Invitation.AddMemberAsync(db, invitation, userKey, now, ct);
        return userKey;
    }
}

internal sealed class AcceptInvitationCommandHandler(IDatabase db, TimeProvider clock) : IRequestHandler<AcceptInvitationCommand, Guid>
{
    public async Task<Guid> Handle(AcceptInvitationCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var invitation = await Invitation.ClaimAsync(db, command.InvitationToken, now, ct);
        await Invitation.AddMemberAsync(db, invitation, command.UserKey, now, ct);
        return invitation.AccountId;
    }
}

/// <summary>Claiming marks the invitation used in the same statement that checks it, so a link works once.</summary>
internal static class Invitation
{
    public static async Task<Claimed> ClaimAsync(IDatabase db, string token, DateTimeOffset now, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<Claimed>("""
            update identity_invitations set used_at = @Now
            where token_hash = @Hash and used_at is null and expires_at > @Now
            returning account_id, email, role
            """, new { Hash = Tokens.Hash(token), Now = now }, ct)
        ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("InvitationToken",
            "This invitation link is not valid: it was already used, has expired, or is mistyped. Ask for a new invitation.")]);

    public static Task AddMemberAsync(IDatabase db, Claimed invitation, Guid userKey, DateTimeOffset now, CancellationToken ct) =>
        db.ExecuteAsync("""
            insert into identity_memberships (account_id, user_key, role, created_at) values (@AccountId, @UserKey, @Role, @Now)
            on conflict (account_id, user_key) do update set role = excluded.role
            """, new { invitation.AccountId, UserKey = userKey, invitation.Role, Now = now }, ct);

    internal sealed record Claimed
    {
        public Guid AccountId { get; init; }
        public string Email { get; init; } = "";
        public string Role { get; init; } = "";
        public string AccountName { get; init; } = "";
    }
}
