using FluentValidation;
using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Members;

namespace Portal.Modules.Identity.Members;

internal sealed class GetAccountUsersQueryHandler(IDatabase db) : IRequestHandler<GetAccountUsersQuery, IReadOnlyList<AccountUserDto>>
{
    public async Task<IReadOnlyList<AccountUserDto>> Handle(GetAccountUsersQuery query, CancellationToken ct)
    {
        var rows = await db.QueryAsync<MemberRow>("""
            select u.user_id, u.name, u.email, m.role from identity_memberships m join identity_users u on u.id = m.user_key
            where m.account_id = @AccountId order by u.name, u.user_id
            """, query, ct);
        return rows.Select(r => new AccountUserDto(r.UserId, r.Name, r.Email, Roles.Account(r.Role))).ToList();
    }
}

internal sealed class ChangeMemberRoleCommandValidator : AbstractValidator<ChangeMemberRoleCommand>
{
    public ChangeMemberRoleCommandValidator() =>
        RuleFor(c => c.Role).IsInEnum().WithMessage("Role must be basic, accounting or admin.");
}

internal sealed class ChangeMemberRoleCommandHandler(IDatabase db) : AsyncRequestHandler<ChangeMemberRoleCommand>
{
    protected override async Task Handle(ChangeMemberRoleCommand command, CancellationToken ct)
    {
        var member = await Membership.LockAsync(db, command.AccountId, command.UserId, ct);
        if (member.Role == Roles.Name(AccountRole.Admin) && command.Role != AccountRole.Admin && member.Admins == 1)
            throw new BusinessRuleException("last_admin", "The account's last admin cannot be demoted; make someone else an admin first.");
        await db.ExecuteAsync("update identity_memberships set role = @Role where account_id = @AccountId and user_key = @UserKey",
            new { Role = Roles.Name(command.Role), command.AccountId, member.UserKey }, ct);
    }
}

internal sealed class RemoveMemberCommandHandler(IDatabase db) : AsyncRequestHandler<RemoveMemberCommand>
{
    protected override async Task Handle(RemoveMemberCommand command, CancellationToken ct)
    {
        var member = await Membership.LockAsync(db, command.AccountId, command.UserId, ct);
        if (member.Role == Roles.Name(AccountRole.Admin) && member.Admins == 1)
            throw new BusinessRuleException("last_admin", "The account's last admin cannot be removed; make someone else an admin first.");
        await db.ExecuteAsync("delete from identity_memberships where account_id = @AccountId and user_key = @UserKey",
            new { command.AccountId, member.UserKey }, ct);
    }
}

/// <summary>
/// Reads a member and the account's admin count after locking the account's memberships, so two admins
/// demoting each other at once cannot both succeed (SQLite's write transaction already serialises this).
/// </summary>
internal static class Membership
{
    public static async Task<MemberState> LockAsync(IDatabase db, Guid accountId, string userId, CancellationToken ct)
    {
        if (db.Dialect == SqlDialect.Postgres)
            await db.ExecuteAsync("select 1 from identity_memberships where account_id = @AccountId for update", new { AccountId = accountId }, ct);
        return await db.QuerySingleOrDefaultAsync<MemberState>("""
            select m.user_key, m.role,
                   (select count(*) from identity_memberships a where a.account_id = m.account_id and a.role = 'admin') as admins
            from identity_memberships m join identity_users u on u.id = m.user_key
            where m.account_id = @AccountId and u.user_id_normalized = @Normalized
            """, new { AccountId = accountId, Normalized = Roles.Normalize(userId) }, ct)
            ?? throw new NotFoundException("That user is not a member of this account.");
    }

    internal sealed record MemberState
    {
        public Guid UserKey { get; init; }
        public string Role { get; init; } = "";
        public long Admins { get; init; }
    }
}

internal sealed record MemberRow
{
    public string UserId { get; init; } = "";
    public string Name { get; init; } = "";
    public string Email { get; init; } = "";
    public string Role { get; init; } = "";
}
