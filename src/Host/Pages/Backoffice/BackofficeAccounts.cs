using MediatR;
using Portal.Modules.Identity.Contracts.Accounts;

namespace Portal.Host.Pages.Backoffice;

/// <summary>Names the accounts of a back-office list (at most one page of them) so rows show numbers, not ids.</summary>
internal static class BackofficeAccounts
{
    public static async Task<IReadOnlyDictionary<Guid, AccountDto>> ByIdAsync(IMediator mediator, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var found = new Dictionary<Guid, AccountDto>();
        foreach (var id in ids.Distinct())
            if (await mediator.Send(new GetAccountQuery(id), ct) is { } account)
                found[id] = account;
        return found;
    }
}
