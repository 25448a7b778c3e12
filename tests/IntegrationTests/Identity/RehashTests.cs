using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Contracts.Accounts;
using Portal.Modules.Identity.Contracts.Members;
using Portal.Modules.Identity.Contracts.Sessions;

namespace Portal.IntegrationTests.Identity;

public abstract class RehashTests(SqlDialect dialect) : IntegrationTest(dialect)
{
    [DbFact]
    public async Task Login_after_the_iteration_count_rises_stores_a_stronger_hash_once()
    {
        var account = await Portal.SendAsync(new CreateAccountCommand("A-1", "Acct", "a@x.test"));
        await Portal.SendAsync(new CreateMemberUserCommand(account, "pat", "Pat", "pat@x.test", AccountRole.Admin, "Tulip-Garden-42"));
        var before = await HashAsync();
        await using var stronger = await PortalTestHost.StartAsync(Database, settings: new Dictionary<string, string?> { ["Identity:HashIterations"] = "2000" });

        var login = await stronger.SendAsync(new LoginCommand("pat", "Tulip-Garden-42"));
        var after = await HashAsync();
        await stronger.SendAsync(new LoginCommand("pat", "Tulip-Garden-42"));

        Assert.Equal(LoginOutcome.Succeeded, login.Outcome);
        Assert.NotEqual(before, after);
        Assert.Equal(after, await HashAsync());
    }

    private async Task<string> HashAsync() => (await Portal.QueryAsync<string>("select password_hash from identity_users")).Single();
}

public sealed class RehashTestsOnSqlite() : RehashTests(SqlDialect.Sqlite);

public sealed class RehashTestsOnPostgres() : RehashTests(SqlDialect.Postgres), IPostgresTest;
