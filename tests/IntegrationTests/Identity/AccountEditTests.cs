using FluentValidation;
using Portal.BuildingBlocks.Data;
using Portal.BuildingBlocks.Errors;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Identity.Contracts.Invitations;

namespace Portal.IntegrationTests.Identity;

public abstract class AccountEditTests(SqlDialect dialect) : IntegrationTest(dialect)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Portal:DefaultTimeZone"] = "America/Denver" };

    [DbFact]
    public async Task GetAccount_without_a_chosen_zone_reads_the_configured_default()
    {
        var id = await Portal.SendAsync(new CreateAccountCommand("A-1", "Greenway HOA", "billing@greenway.test"));

        var account = await Portal.SendAsync(new GetAccountQuery(id));
        var searched = await Portal.SendAsync(new SearchAccountsQuery("green"));
        var byNumber = await Portal.SendAsync(new GetAccountsByNumberQuery(["A-1"]));

        Assert.Equal("America/Denver", account!.TimeZone);
        Assert.Equal("America/Denver", Assert.Single(searched.Items).TimeZone);
        Assert.Equal("America/Denver", Assert.Single(byNumber).TimeZone);
    }

    [DbFact]
    public async Task GetAccountsByNumber_and_search_with_no_match_answer_empty()
    {
        Assert.Empty(await Portal.SendAsync(new GetAccountsByNumberQuery(["NOPE"])));
        Assert.Empty((await Portal.SendAsync(new SearchAccountsQuery("nope"))).Items);
        Assert.Null(await Portal.SendAsync(new GetAccountQuery(Guid.NewGuid())));
    }

    [DbFact]
    public async Task UpdateAccount_changes_name_email_and_time_zone()
    {
        var id = await Portal.SendAsync(new CreateAccountCommand("A-1", "Greenway HOA", "billing@greenway.test"));

        await Portal.SendAsync(new UpdateAccountCommand(id, " Greenway Estates ", "ap@greenway.test", "Europe/Berlin"));

        Assert.Equal(new AccountDto(id, "A-1", "Greenway Estates", "ap@greenway.test", "Europe/Berlin"), await Portal.SendAsync(new GetAccountQuery(id)));
    }

    [DbFact]
    public async Task UpdateAccount_with_an_unknown_or_windows_zone_is_invalid_and_changes_nothing()
    {
        var id = await Portal.SendAsync(new CreateAccountCommand("A-1", "Greenway HOA", "billing@greenway.test"));

        foreach (var zone in new[] { "Mars/Olympus_Mons", "Central Standard Time", "" })
        {
            var error = await Assert.ThrowsAsync<ValidationException>(() => Portal.SendAsync(new UpdateAccountCommand(id, "Other", "x@greenway.test", zone)));
            Assert.Contains(error.Errors, e => e.PropertyName == "TimeZone");
        }

        Assert.Equal("Greenway HOA", (await Portal.SendAsync(new GetAccountQuery(id)))!.Name);
    }

    [DbFact]
    public async Task UpdateAccount_of_an_unknown_account_is_not_found()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Portal.SendAsync(new UpdateAccountCommand(Guid.NewGuid(), "N", "n@x.test", "UTC")));
    }

    [DbFact]
    public async Task GetAccountInvitations_lists_the_accounts_invitations_only()
    {
        var id = await Portal.SendAsync(new CreateAccountCommand("A-1", "Greenway HOA", "billing@greenway.test"));
        var other = await Portal.SendAsync(new CreateAccountCommand("A-2", "Other", "billing@other.test"));
        await Portal.SendAsync(new InviteUserCommand(id, "new@greenway.test", AccountRole.Accounting, null));
        await Portal.SendAsync(new InviteUserCommand(other, "new@other.test", AccountRole.Basic, null));

        var invitations = await Portal.SendAsync(new GetAccountInvitationsQuery(id));

        var invitation = Assert.Single(invitations);
        Assert.Equal(("new@greenway.test", AccountRole.Accounting), (invitation.Email, invitation.Role));
        Assert.Null(invitation.UsedAt);
    }
}

public sealed class AccountEditTestsOnSqlite() : AccountEditTests(SqlDialect.Sqlite);

public sealed class AccountEditTestsOnPostgres() : AccountEditTests(SqlDialect.Postgres), IPostgresTest;
