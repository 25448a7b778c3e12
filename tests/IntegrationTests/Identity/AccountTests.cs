using FluentValidation;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts.Accounts;

namespace Portal.IntegrationTests.Identity;

public abstract class AccountTests(SqlDialect dialect) : IntegrationTest(dialect)
{
    [DbFact]
    public async Task CreateAccount_then_get_returns_it()
    {
        var id = await Portal.SendAsync(new CreateAccountCommand("A-1001", "Greenway HOA", "billing@greenway.test"));

        var account = await Portal.SendAsync(new GetAccountQuery(id));

        Assert.Equal(new AccountDto(id, "A-1001", "Greenway HOA", "billing@greenway.test", "America/Chicago"), account);
    }

    [DbFact]
    public async Task CreateAccount_when_number_taken_is_a_conflict()
    {
        await Portal.SendAsync(new CreateAccountCommand("A-1001", "First", "a@x.test"));

        await Assert.ThrowsAsync<ConflictException>(() => Portal.SendAsync(new CreateAccountCommand("A-1001", "Second", "b@x.test")));
    }

    [DbFact]
    public async Task CreateAccount_with_bad_email_is_invalid()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => Portal.SendAsync(new CreateAccountCommand("A-1", "Name", "not-an-email")));

        Assert.Contains(error.Errors, e => e.PropertyName == "BillingEmail");
    }

    [DbFact]
    public async Task SearchAccounts_pages_by_number_and_filters_by_name()
    {
        foreach (var n in Enumerable.Range(1, 5))
            await Portal.SendAsync(new CreateAccountCommand($"A-{n:000}", n % 2 == 0 ? $"Even {n}" : $"Odd {n}", $"a{n}@x.test"));

        var first = await Portal.SendAsync(new SearchAccountsQuery(null, Limit: 2));
        var second = await Portal.SendAsync(new SearchAccountsQuery(null, Limit: 2, Cursor: first.NextCursor));
        var even = await Portal.SendAsync(new SearchAccountsQuery("EVEN"));

        Assert.Equal(["A-001", "A-002"], first.Items.Select(a => a.AccountNumber));
        Assert.Equal(["A-003", "A-004"], second.Items.Select(a => a.AccountNumber));
        Assert.Equal(["A-002", "A-004"], even.Items.Select(a => a.AccountNumber));
        Assert.Null(even.NextCursor);
    }

    [DbFact]
    public async Task GetAccountsByNumber_returns_known_numbers_only()
    {
        var id = await Portal.SendAsync(new CreateAccountCommand("A-7", "Seven", "s@x.test"));

        var found = await Portal.SendAsync(new GetAccountsByNumberQuery(["A-7", "NOPE", "A-7"]));

        Assert.Equal([id], found.Select(a => a.AccountId));
    }
}

public sealed class AccountTestsOnSqlite() : AccountTests(SqlDialect.Sqlite);

public sealed class AccountTestsOnPostgres() : AccountTests(SqlDialect.Postgres), IPostgresTest;
