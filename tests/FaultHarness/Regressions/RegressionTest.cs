using Portal.BuildingBlocks;
using Portal.BuildingBlocks.Data;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.FaultHarness.Regressions;

/// <summary>
/// Base of the named regression tests for what the harness found: one scripted run (no random faults), settled like every
/// run, and checked against all invariants.
/// </summary>
public abstract class RegressionTest(SqlDialect dialect) : IAsyncLifetime
{
    private HarnessHost? host;

    internal HarnessHost Host => host ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync() => host = await HarnessHost.StartAsync(dialect, twoHosts: false);

    public async Task DisposeAsync()
    {
        if (host is not null)
            await host.DisposeAsync();
    }

    internal async Task<RunContext> ArrangeAsync(int seed)
    {
        var run = new RunContext(seed, Faults.None, Host);
        Host.Mail.Reset(seed, 0);
        await Arrange.AccountAsync(run, 0);
        return run;
    }

    internal static PayCommand PayAll(RunContext run, bool save, string key = "first") =>
        new(run.AccountId, run.PayerId, key, Money.Dollars(run.Invoices.Sum(i => i.Total)),
            [.. run.Invoices.Select(i => new PaymentAllocationDto(i.Id, Money.Dollars(i.Total)))],
            new PaymentMethodInputDto
            {
                Type = "scheme", EncryptedCardNumber = "test_4111111111111111", EncryptedExpiryMonth = "test_03",
                EncryptedExpiryYear = "test_2030", EncryptedSecurityCode = "test_737", HolderName = "Pat Customer",
            }, save);

    /// <summary>Runs the step as one operation with the given faults (the webhook overtaking the answer, a stop).</summary>
    internal static async Task<Exception?> StepAsync(OperationFaults faults, Func<Task> step)
    {
        OperationFaults.Current = faults;
        try
        {
            await step();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
        finally
        {
            OperationFaults.Current = null;
        }
    }

    /// <summary>The webhooks of what just happened, never to be sent (bounded wait: the emulator releases them after its answer).</summary>
    internal async Task<IReadOnlyList<Portal.Modules.Payments.Adyen.NotificationItem>> TakeWebhooksAsync()
    {
        await Host.Emulator.WaitUntilIdleAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
        return Host.Emulator.TakeHeldWebhooks();
    }

    internal static async Task<string> SettleAndCheckAsync(RunContext run)
    {
        await SeedRun.SettleAsync(run);
        var broken = await Invariants.CheckAsync(run);
        return string.Join("\n", broken.Select(b => $"{b.Invariant}: {b.Detail}"));
    }
}
