using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MediatR;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;
using Portal.Modules.Identity.Sessions;

namespace Portal.IntegrationTests.Http.Identity;

/// <summary>The lockout holds under concurrency: however many attempts arrive at once, at most five are judged.</summary>
public abstract class LoginLockoutRaceHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    // A realistic hash cost keeps many attempts in flight at once, which is where the race lived.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Identity:HashIterations"] = "60000" };

    private async Task<HttpStatusCode[]> BurstAsync(int wrong, bool withRightPassword)
    {
        var attempts = Enumerable.Range(0, wrong).Select(i => (object)new { userId = "pat", password = $"Wrong-Password-{i}" }).ToList();
        if (withRightPassword)
            attempts.Insert(wrong / 3, new { userId = "pat", password = PortalUsers.Password });
        using var start = new SemaphoreSlim(0);
        var tasks = attempts.Select(async body =>
        {
            await start.WaitAsync();
            return (await Factory.Anonymous().PostAsJsonAsync("/api/auth/login", body)).StatusCode;
        }).ToList();
        start.Release(attempts.Count);
        return await Task.WhenAll(tasks);
    }

    [DbFact]
    public async Task Login_burst_of_thirty_wrong_passwords_judges_at_most_five_and_locks()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "pat", AccountRole.Admin);

        var answers = await BurstAsync(30, withRightPassword: false);
        var after = await Factory.Anonymous().PostAsJsonAsync("/api/auth/login", new { userId = "pat", password = PortalUsers.Password });

        Assert.True(answers.Count(a => a == HttpStatusCode.Unauthorized) is >= 1 and <= 5, string.Join(", ", answers));
        Assert.All(answers, a => Assert.True(a is HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests, $"Unexpected {a}."));
        Assert.Equal(HttpStatusCode.TooManyRequests, after.StatusCode);
    }

    [DbFact]
    public async Task Login_burst_with_the_right_password_inside_judges_at_most_five_in_all()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "pat", AccountRole.Admin);

        var answers = await BurstAsync(30, withRightPassword: true);

        Assert.True(answers.Count(a => a != HttpStatusCode.TooManyRequests) is >= 1 and <= 5, string.Join(", ", answers));
    }

    [DbFact]
    public async Task Open_session_when_the_user_id_got_locked_during_the_hash_check_is_refused()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "pat", AccountRole.Admin);
        var userKey = await ScalarAsync<Guid>("select id from identity_users where user_id = 'pat'");
        // The right password took a slot; while its hash was checked the user ID was locked (by failures judged on another host).
        Assert.Null(await SendAsync(new ReserveLoginAttemptCommand("pat")));
        await ExecuteAsync("update identity_login_throttle set locked_until = @Until", new { Until = Factory.Clock.GetUtcNow().AddMinutes(15) });

        var opened = await SendAsync(new OpenSessionCommand(userKey, "pat", null));

        Assert.Null(opened.Key);
        Assert.NotNull(opened.LockedUntil);
        Assert.Equal(0, await ScalarAsync<long>("select count(*) from identity_sessions"));
    }

    [DbFact]
    public async Task Login_after_four_failures_with_the_right_password_signs_in_and_clears_the_count()
    {
        var account = await Factory.CreateAccountAsync();
        await Factory.AddMemberAsync(account, "pat", AccountRole.Admin);
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            answers.Add((await Factory.Anonymous().PostAsJsonAsync("/api/auth/login", new { userId = "pat", password = "Wrong-Password-1" })).StatusCode);

        var right = await Factory.Anonymous().PostAsJsonAsync("/api/auth/login", new { userId = "pat", password = PortalUsers.Password });
        var wrongAgain = await Factory.Anonymous().PostAsJsonAsync("/api/auth/login", new { userId = "pat", password = "Wrong-Password-1" });

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAgain.StatusCode);
    }

    private async Task ExecuteAsync(string sql, object args)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IDatabase>().ExecuteAsync(sql, args);
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IDatabase>().QuerySingleOrDefaultAsync<T>(sql))!;
    }

    private async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }
}

public sealed class LoginLockoutRaceHttpTestsOnSqlite() : LoginLockoutRaceHttpTests(SqlDialect.Sqlite);

public sealed class LoginLockoutRaceHttpTestsOnPostgres() : LoginLockoutRaceHttpTests(SqlDialect.Postgres), IPostgresTest;
