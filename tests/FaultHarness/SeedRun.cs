namespace Portal.FaultHarness;

/// <summary>One seed: draw the fault classes, arrange a fresh account, run 3-8 operations under faults, settle, check.</summary>
internal static class SeedRun
{
    public static Faults Draw(int seed, Faults enabled, bool twoHostsAvailable)
    {
        // Its own generator, so the faults drawn for a seed do not depend on what the run does.
        var random = new Random(seed ^ 0x5EED);
        var drawn = Faults.None;
        foreach (var fault in Enum.GetValues<Faults>().Where(f => f is not Faults.None and not Faults.All && (enabled & f) != 0))
            if (random.NextDouble() < 0.45 && (fault != Faults.TwoHosts || twoHostsAvailable))
                drawn |= fault;
        return drawn;
    }

    public static async Task<RunResult> RunAsync(HarnessHost host, int seed, Faults enabled, int runNumber)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var run = new RunContext(seed, Draw(seed, enabled, host.Nodes.Count > 1), host);
        host.Mail.Reset(seed, 0);
        host.Emulator.Chaos.Latency = run.Has(Faults.Latency) ? TimeSpan.FromMilliseconds(run.Random.Next(1, 40)) : TimeSpan.Zero;
        await Arrange.AccountAsync(run, runNumber);
        host.Mail.Reset(seed, run.Has(Faults.MailFailure) ? 0.3 : 0, keepSent: true);
        var operations = run.Random.Next(3, 9);
        for (var i = 0; i < operations; i++)
        {
            await NextOperationAsync(run);
            if (run.Random.NextDouble() < 0.5)
                await Webhooks.DeliverAsync(run);
            if (run.Random.NextDouble() < 0.5)
                await OtherOps.DrainAsync(run);
        }
        await SettleAsync(run);
        var broken = await Invariants.CheckAsync(run);
        await OtherOps.StopAutopayAsync(run);
        host.Emulator.Chaos.Latency = TimeSpan.Zero;
        return new RunResult(seed, run.Drawn, operations, broken, run.Trace, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    private static Task NextOperationAsync(RunContext run)
    {
        var roll = run.Random.NextDouble();
        return roll switch
        {
            < 0.35 => PayOps.PayAsync(run),
            < 0.47 when run.Has(Faults.ConcurrentPay) => PayOps.ConcurrentAsync(run),
            < 0.47 => PayOps.PayAsync(run),
            < 0.57 => PayOps.RetryAsync(run),
            < 0.67 => OtherOps.RefundAsync(run),
            < 0.74 => OtherOps.ChargebackAsync(run),
            < 0.82 => OtherOps.AutopayAsync(run),
            < 0.90 => Webhooks.DeliverAsync(run),
            < 0.95 => OtherOps.DrainAsync(run),
            _ => OtherOps.ResolveAsync(run),
        };
    }

    // Time passes: every webhook still meant to go goes, the outbox retries, the resolver runs; then SMTP recovers.
    public static async Task SettleAsync(RunContext run)
    {
        for (var round = 0; round < 4; round++)
        {
            if (round == 2)
                run.Host.Mail.Reset(run.Seed, 0, keepSent: true);
            await Webhooks.DeliverAsync(run, final: round > 0);
            await OtherOps.DrainAsync(run);
            await OtherOps.ResolveAsync(run, faulty: round < 2);
            await Webhooks.DeliverAsync(run, final: true);
            await OtherOps.DrainAsync(run);
            run.Host.Advance(TimeSpan.FromMinutes(61));
            await OtherOps.DrainAsync(run);
        }
    }
}

internal sealed record RunResult(
    int Seed, Faults Drawn, int Operations, IReadOnlyList<(string Invariant, string Detail)> Broken, IReadOnlyList<string> Trace, TimeSpan Elapsed)
{
    public bool Ok => Broken.Count == 0;
}
