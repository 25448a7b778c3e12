using Portal.BuildingBlocks.Data;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.FaultHarness.Regressions;

/// <summary>Found by seeds 6, 15, 26, 33 (sqlite): a card paid with "save" is not saved when the AUTHORISATION webhook settles the payment first.</summary>
public abstract class SavedCardTests(SqlDialect dialect) : RegressionTest(dialect)
{
    [DbFact]
    public async Task Pay_with_save_when_the_webhook_overtakes_the_answer_keeps_the_card()
    {
        var run = await ArrangeAsync(seed: 7001);
        var faults = new OperationFaults { BeforeOutcome = () => Webhooks.OvertakeAsync(run) };

        var error = await StepAsync(faults, () => Host.Primary.SendAsync(PayAll(run, save: true)));
        var broken = await SettleAndCheckAsync(run);

        Assert.Null(error);
        Assert.True(broken.Length == 0, broken);
    }

    [DbFact]
    public async Task Pay_with_save_when_the_answer_times_out_and_the_webhook_settles_keeps_the_card()
    {
        var run = await ArrangeAsync(seed: 7002);
        Host.Emulator.Chaos.Latency = HarnessHost.ClientTimeout + TimeSpan.FromMilliseconds(200);

        var error = await StepAsync(new OperationFaults(), () => Host.Primary.SendAsync(PayAll(run, save: true)));
        Host.Emulator.Chaos.Latency = TimeSpan.Zero;
        var broken = await SettleAndCheckAsync(run);

        Assert.Null(error);
        Assert.True(broken.Length == 0, broken);
    }
}

public sealed class SqliteSavedCardTests() : SavedCardTests(SqlDialect.Sqlite);

public sealed class PostgresSavedCardTests() : SavedCardTests(SqlDialect.Postgres), IPostgresTest;
