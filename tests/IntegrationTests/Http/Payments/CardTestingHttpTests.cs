using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Identity.Contracts;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>Issue 12 item 11: refused payments are limited per account and per user, and a refusal mails only its payer.</summary>
public abstract class CardTestingHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    private const int Limit = 10;

    [DbFact]
    public async Task After_ten_refusals_in_an_hour_the_account_gets_429_with_retry_after_until_the_hour_is_over()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        for (var i = 0; i < Limit; i++)
            Assert.Equal(HttpStatusCode.Created, (await pay.PayAsync($"try-{i}", 1_000, PaymentFixture.Card("DECLINED"))).StatusCode);
        Factory.Clock.Advance(TimeSpan.FromMinutes(15));

        var blocked = await pay.PayAsync("try-next", 1_000, PaymentFixture.Card());
        var problem = await blocked.Content.ReadFromJsonAsync<JsonElement>();
        var replay = await pay.PayAsync("try-0", 1_000, PaymentFixture.Card("DECLINED"));
        Factory.Clock.Advance(TimeSpan.FromMinutes(46));
        var later = await PayAsync(await Factory.LoginAsync("payer"), pay.Account, "try-later", PaymentFixture.Card());

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(45), blocked.Headers.RetryAfter?.Delta);
        Assert.Contains("refused", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.Equal(Limit + 1, pay.Emulator.ChargeCount);
    }

    [DbFact]
    public async Task Refusals_of_one_user_count_across_their_accounts()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        var second = await Factory.CreateAccountAsync("A-501", "Second HOA");
        await using (var scope = Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IDatabase>().ExecuteAsync("""
                insert into identity_memberships (account_id, user_key, role, created_at)
                select @Second, id, 'accounting', @Now from identity_users where user_id = 'payer'
                """, new { Second = second, Now = Factory.Clock.GetUtcNow() });
        await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        await Factory.SendAsync(new Portal.Modules.Invoicing.Contracts.Invoices.CreateInvoiceCommand(second, "INV-9",
            new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), null, [new("Mowing", 1m, Portal.BuildingBlocks.Money.Dollars(10_000))], true));
        for (var i = 0; i < Limit / 2; i++)
        {
            await pay.PayAsync($"a-{i}", 1_000, PaymentFixture.Card("DECLINED"));
            await PayAsync(pay.User, second, $"b-{i}", PaymentFixture.Card("DECLINED"));
        }

        var blocked = await PayAsync(pay.User, second, "b-next", PaymentFixture.Card());

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal(Limit, pay.Emulator.ChargeCount);
    }

    [DbFact]
    public async Task Refusals_of_several_users_count_against_their_account()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await Factory.AddMemberAsync(pay.Account, "helper", AccountRole.Accounting);
        var helper = await Factory.LoginAsync("helper");
        await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        for (var i = 0; i < Limit / 2; i++)
        {
            await pay.PayAsync($"a-{i}", 1_000, PaymentFixture.Card("DECLINED"));
            await PayAsync(helper, pay.Account, $"h-{i}", PaymentFixture.Card("DECLINED"));
        }

        var blocked = await PayAsync(helper, pay.Account, "h-next", PaymentFixture.Card());

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
    }

    [DbFact]
    public async Task Concurrent_declined_attempts_reach_the_processor_at_most_ten_times()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await pay.InvoiceAsync("INV-1", 100_000, dueInDays: 5);

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => pay.PayAsync($"burst-{i}", 1_000, PaymentFixture.Card("DECLINED"))));

        Assert.True(pay.Emulator.ChargeCount <= Limit, $"{pay.Emulator.ChargeCount} charges reached the processor");
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.TooManyRequests }));
        Assert.Equal(16 - pay.Emulator.ChargeCount, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [DbFact]
    public async Task A_refused_payment_mails_its_payer_once_and_not_every_admin()
    {
        var pay = await PaymentFixture.CreateAsync(Factory);
        await Factory.AddMemberAsync(pay.Account, "boss", AccountRole.Admin);
        await pay.InvoiceAsync("INV-1", 10_000, dueInDays: 5);
        await Factory.DrainOutboxAsync();

        for (var i = 0; i < 3; i++)
            await pay.PayAsync($"typo-{i}", 1_000, PaymentFixture.Card("DECLINED"));
        await Factory.DrainOutboxAsync();

        Assert.Equal(3, Factory.Mailbox.To("payer@example.test").Count(m => m.Subject.StartsWith("Payment not completed", StringComparison.Ordinal)));
        Assert.DoesNotContain(Factory.Mailbox.To("boss@example.test"), m => m.Subject.StartsWith("Payment not completed", StringComparison.Ordinal));
    }

    private static Task<HttpResponseMessage> PayAsync(HttpClient user, Guid account, string key, object method)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/accounts/{account}/payments")
        {
            Content = JsonContent.Create(new { amount = new { currency = "USD", value = 1_000 }, paymentMethod = method }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return user.SendAsync(request);
    }
}

public sealed class CardTestingHttpTestsOnSqlite() : CardTestingHttpTests(SqlDialect.Sqlite);

public sealed class CardTestingHttpTestsOnPostgres() : CardTestingHttpTests(SqlDialect.Postgres), IPostgresTest;
