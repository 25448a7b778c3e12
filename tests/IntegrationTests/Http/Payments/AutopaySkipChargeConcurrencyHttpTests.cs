using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;
using Portal.Modules.Payments.Autopay;
using Portal.Modules.Payments.Contracts.Autopay;

namespace Portal.IntegrationTests.Http.Payments;

/// <summary>A skip confirmed at the moment the autopay charge claims the same invoice: exactly one of them wins.</summary>
public abstract class AutopaySkipChargeConcurrencyHttpTests(SqlDialect dialect) : HttpTest(dialect)
{
    // The skip has written its mark but not committed when the charge claims the invoice: the charge must wait and then lose.
    [DbFact]
    public async Task Charge_that_claims_while_a_skip_is_uncommitted_waits_for_it_and_charges_nothing()
    {
        var pay = await AutopayFixture.WithAutopayAsync(Factory);
        var invoice = await pay.InvoiceAsync("INV-RACE", 8_900, dueInDays: 0);
        var account = await AccountAsync(pay);
        var charges = pay.Emulator.ChargeCount;

        await using var skipScope = Factory.Services.CreateAsyncScope();
        var skipDb = skipScope.ServiceProvider.GetRequiredService<IDatabase>();
        await skipDb.BeginTransactionAsync();
        await skipScope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new SkipAutopayInvoiceCommand(pay.Account, invoice, null));
        var charge = Task.Run(() => Factory.SendAsync(new ChargeAutopayInvoiceCommand(account, invoice, 1, null)));
        await UntilDoneOrBlockedAsync(charge);
        await skipDb.CommitAsync();
        var charged = await charge;

        Assert.False(charged);
        Assert.Equal(charges, pay.Emulator.ChargeCount);
        Assert.Equal(8_900, await pay.BalanceAsync(invoice));
    }

    [DbFact]
    public async Task Skip_and_charge_at_the_same_moment_never_both_win()
    {
        var pay = await AutopayFixture.WithAutopayAsync(Factory);
        var account = await AccountAsync(pay);
        for (var round = 0; round < 15; round++)
        {
            var invoice = await pay.InvoiceAsync($"INV-R{round}", 1_000 + round, dueInDays: 0);
            var charges = pay.Emulator.ChargeCount;
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var skip = Task.Run(async () =>
            {
                await start.Task;
                return (await pay.User.PostAsJsonAsync($"/api/accounts/{pay.Account}/autopay/skips", new { invoiceId = invoice })).IsSuccessStatusCode;
            });
            var charge = Task.Run(async () =>
            {
                await start.Task;
                return await Factory.SendAsync(new ChargeAutopayInvoiceCommand(account, invoice, 1, null));
            });
            start.SetResult();
            var (skipped, charged) = (await skip, await charge);

            Assert.True(skipped != charged, $"round {round}: skipped={skipped}, charged={charged}");
            Assert.Equal(charged ? charges + 1 : charges, pay.Emulator.ChargeCount);
            Assert.Equal(charged ? 0 : 1_000 + round, await pay.BalanceAsync(invoice));
        }
    }

    private async Task<AutopayAccount> AccountAsync(PaymentFixture pay)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return (await AutopaySql.AccountsAsync(scope.ServiceProvider.GetRequiredService<IDatabase>(), pay.Account, CancellationToken.None)).Single();
    }

    // SQLite queues every writer behind the open transaction anyway; on PostgreSQL, wait (bounded) until the charge is
    // finished or waits on a lock, so the skip commits while the charge is already at its claim.
    private async Task UntilDoneOrBlockedAsync(Task charge)
    {
        if (Dialect != SqlDialect.Postgres)
            return;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!charge.IsCompleted && DateTime.UtcNow < deadline)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var waiting = await scope.ServiceProvider.GetRequiredService<IDatabase>().ExecuteScalarAsync<long>(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()", null, CancellationToken.None);
            if (waiting > 0)
                return;
            await Task.Delay(20);
        }
    }
}

public sealed class AutopaySkipChargeConcurrencyHttpTestsOnSqlite() : AutopaySkipChargeConcurrencyHttpTests(SqlDialect.Sqlite);

public sealed class AutopaySkipChargeConcurrencyHttpTestsOnPostgres() : AutopaySkipChargeConcurrencyHttpTests(SqlDialect.Postgres), IPostgresTest;
