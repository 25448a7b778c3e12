using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Identity.Contracts.Invitations;

namespace Portal.Modules.Identity.Invitations;

internal sealed class GetAccountInvitationsQueryHandler(IDatabase db) : IRequestHandler<GetAccountInvitationsQuery, IReadOnlyList<AccountInvitationDto>>
{
    public async Task<IReadOnlyList<AccountInvitationDto>> Handle(GetAccountInvitationsQuery query, CancellationToken ct)
    {
        const string sql = """
            select id, email, role, created_at, expires_at, used_at from identity_invitations
            where account_id = @AccountId order by created_at desc, id
            """;
        var rows = await db.QueryAsync<InvitationRow>(sql, query, ct);
        return rows.Select(r => new AccountInvitationDto(r.Id, r.Email, Roles.Account(r.Role), r.CreatedAt, r.ExpiresAt, r.UsedAt)).ToList();
    }

    private sealed record InvitationRow
    {
        public Guid Id { get; init; }
        public string Email { get; init; } = "";
        public string Role { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset ExpiresAt { get; init; }
        public DateTimeOffset? UsedAt { get; init; }
    }
}
