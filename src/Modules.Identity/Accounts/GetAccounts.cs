using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Identity.Contracts.Accounts;

namespace Portal.Modules.Identity.Accounts;

internal sealed class GetAccountQueryHandler(IDatabase db, IdentityOptions options) : MediatR.IRequestHandler<GetAccountQuery, AccountDto?>
{
    public async Task<AccountDto?> Handle(GetAccountQuery query, CancellationToken ct) =>
        AccountColumns.WithZone(await db.QuerySingleOrDefaultAsync<AccountDto>(
            $"select {AccountColumns.List} from identity_accounts where id = @AccountId", query, ct), options);
}

internal sealed class GetAccountsByNumberQueryHandler(IDatabase db, IdentityOptions options) : MediatR.IRequestHandler<GetAccountsByNumberQuery, IReadOnlyList<AccountDto>>
{
    public async Task<IReadOnlyList<AccountDto>> Handle(GetAccountsByNumberQuery query, CancellationToken ct)
    {
        var found = new List<AccountDto>();
        // Chunked so a large import never exceeds either engine's parameter limit.
        foreach (var chunk in query.AccountNumbers.Distinct().Chunk(500))
        {
            var parameters = new Dapper.DynamicParameters();
            var names = chunk.Select((number, i) => { parameters.Add($"N{i}", number); return $"@N{i}"; });
            found.AddRange((await db.QueryAsync<AccountDto>(
                $"select {AccountColumns.List} from identity_accounts where account_number in ({string.Join(", ", names)})",
                parameters, ct)).Select(a => AccountColumns.WithZone(a, options)!));
        }
        return found;
    }
}

internal sealed class SearchAccountsQueryHandler(IDatabase db, IdentityOptions options) : MediatR.IRequestHandler<SearchAccountsQuery, Page<AccountDto>>
{
    public async Task<Page<AccountDto>> Handle(SearchAccountsQuery query, CancellationToken ct)
    {
        var limit = Page<AccountDto>.ClampLimit(query.Limit);
        const string sql = $"""
            select {AccountColumns.List} from identity_accounts
            where (@Search is null or lower(account_number) like @Search or lower(name) like @Search)
              and (@After is null or account_number > @After)
            order by account_number
            limit @Take
            """;
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : $"%{query.Search.Trim().ToLowerInvariant()}%";
        var rows = (await db.QueryAsync<AccountDto>(sql, new { Search = search, After = query.Cursor, Take = limit + 1 }, ct))
            .Select(a => AccountColumns.WithZone(a, options)!).ToList();
        return rows.Count > limit ? new Page<AccountDto>(rows.Take(limit).ToList(), rows[limit - 1].AccountNumber) : new Page<AccountDto>(rows, null);
    }
}

internal static class AccountColumns
{
    public const string List = "id as account_id, account_number, name, billing_email, time_zone";

    // An account that never chose a zone follows the operator's default, so changing the setting moves all of them.
    // Filled in here, not with coalesce in SQL: SQLite cannot type an expression column of an empty result.
    public static AccountDto? WithZone(AccountDto? account, IdentityOptions options) =>
        account is null || !string.IsNullOrEmpty(account.TimeZone) ? account : account with { TimeZone = options.DefaultTimeZone };
}
