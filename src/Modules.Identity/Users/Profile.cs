using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Mediation;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Members;
using Portal.Modules.Identity.Contracts.Users;
using Portal.Modules.Identity.Members;

namespace Portal.Modules.Identity.Users;

internal sealed class GetMeQueryHandler(IDatabase db) : IRequestHandler<GetMeQuery, MeDto?>
{
    public async Task<MeDto?> Handle(GetMeQuery query, CancellationToken ct)
    {
        var user = await db.QuerySingleOrDefaultAsync<UserRow>(
            "select user_id, name, email, email_notifications, staff_role from identity_users where id = @UserKey", query, ct);
        if (user is null)
            return null;
        var memberships = await db.QueryAsync<MembershipRow>("""
            select a.id as account_id, a.account_number, a.name, m.role
            from identity_memberships m join identity_accounts a on a.id = m.account_id
            where m.user_key = @UserKey order by a.name, a.account_number
            """, query, ct);
        return new MeDto(user.UserId, user.Name, user.Email, user.EmailNotifications, Roles.Staff(user.StaffRole),
            memberships.Select(m => new MembershipDto(m.AccountId, m.AccountNumber, m.Name, Roles.Account(m.Role))).ToList());
    }

    private sealed record UserRow
    {
        public string UserId { get; init; } = "";
        public string Name { get; init; } = "";
        public string Email { get; init; } = "";
        public bool EmailNotifications { get; init; }
        public string? StaffRole { get; init; }
    }

    private sealed record MembershipRow
    {
        public Guid AccountId { get; init; }
        public string AccountNumber { get; init; } = "";
        public string Name { get; init; } = "";
        public string Role { get; init; } = "";
    }
}

internal sealed class GetAccountRoleQueryHandler(IDatabase db) : IRequestHandler<GetAccountRoleQuery, AccountRole?>
{
    public async Task<AccountRole?> Handle(GetAccountRoleQuery query, CancellationToken ct)
    {
        var role = await db.QuerySingleOrDefaultAsync<string>(
            "select role from identity_memberships where account_id = @AccountId and user_key = @UserKey", query, ct);
        return role is null ? null : Roles.Account(role);
    }
}

internal sealed class UpdatePreferencesCommandHandler(IDatabase db) : AsyncRequestHandler<UpdatePreferencesCommand>
{
    protected override Task Handle(UpdatePreferencesCommand command, CancellationToken ct) =>
        db.ExecuteAsync("update identity_users set email_notifications = @EmailNotifications where id = @UserKey", command, ct);
}

internal sealed class GetNotificationRecipientsQueryHandler(IDatabase db) : IRequestHandler<GetNotificationRecipientsQuery, IReadOnlyList<RecipientDto>>
{
    public async Task<IReadOnlyList<RecipientDto>> Handle(GetNotificationRecipientsQuery query, CancellationToken ct)
    {
        var roles = Enum.GetValues<AccountRole>().Where(r => r >= query.MinimumRole).Select(Roles.Name).ToArray();
        const string sql = """
            select u.user_id, u.name, u.email, m.role from identity_memberships m join identity_users u on u.id = m.user_key
            where m.account_id = @AccountId and u.email_notifications = @On order by u.user_id
            """;
        var rows = await db.QueryAsync<(string UserId, string Name, string Email, string Role)>(sql, new { query.AccountId, On = true }, ct);
        return rows.Where(r => roles.Contains(r.Role)).Select(r => new RecipientDto(r.UserId, r.Name, r.Email)).ToList();
    }
}

internal sealed class GetStaffRecipientsQueryHandler(IDatabase db) : IRequestHandler<GetStaffRecipientsQuery, IReadOnlyList<RecipientDto>>
{
    public async Task<IReadOnlyList<RecipientDto>> Handle(GetStaffRecipientsQuery query, CancellationToken ct) =>
        (await db.QueryAsync<MemberRow>(
            "select user_id, name, email, staff_role as role from identity_users where staff_role is not null and email_notifications = @On order by user_id",
            new { On = true }, ct))
        .Select(r => new RecipientDto(r.UserId, r.Name, r.Email)).ToList();
}
