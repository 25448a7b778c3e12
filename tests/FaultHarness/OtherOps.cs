using Portal.BuildingBlocks;
using Portal.Modules.Payments.Contracts.Autopay;
using Portal.Modules.Payments.Contracts.Methods;
using Portal.Modules.Payments.Contracts.Payments;
using Portal.Modules.Payments.Contracts.Refunds;

namespace Portal.FaultHarness;

/// <summary>Refunds (with the client's retry), chargebacks, the autopay sweep (with a skip racing it), the resolver, the outbox.</summary>
internal static class OtherOps
{
    public static async Task RefundAsync(RunContext run)
    {
        var payments = (await run.Host.Primary.QueryAsync<RefundablePayment>(Invariants.RefundableSql, new { run.AccountId }))
            .Where(p => !run.ChargedBack.Contains(p.Id) && p.Remaining > 0).ToList();
        if (payments.Count == 0)
            return;
        var payment = payments[run.Random.Next(payments.Count)];
        var amount = run.Random.NextDouble() < 0.5 ? payment.Remaining : Math.Max(1, payment.Remaining / 3);
        run.RefundIntents[payment.Id] = run.RefundIntents.GetValueOrDefault(payment.Id) + amount;
        var node = run.AnyNode();
        // The back-office form carries a refund key made when finance reviews the refund (as Payment.cshtml.cs does), so pressing
        // again is the same refund.
        var command = new RefundPaymentCommand(payment.Id, Money.Dollars(amount), $"fh-refund-{Guid.NewGuid():N}");
        RefundDto? result = null;
        await Operations.RunAsync(run, $"refund {amount} of {payment.Id:N} on {node.Name}", async () => result = await node.SendAsync(command));
        // Finance sees no confirmation and presses the button again: one intent, asked twice.
        if (result is null or { Status: "requested" } && run.Random.NextDouble() < 0.5)
            await Operations.RunAsync(run, $"refund retry {amount} of {payment.Id:N}", () => run.AnyNode().SendAsync(command));
    }

    public static async Task ChargebackAsync(RunContext run)
    {
        // A card dispute on a payment nothing was refunded from, once per payment.
        var payments = (await run.Host.Primary.QueryAsync<RefundablePayment>(Invariants.RefundableSql, new { run.AccountId }))
            .Where(p => !run.ChargedBack.Contains(p.Id) && !run.RefundIntents.ContainsKey(p.Id)).ToList();
        if (payments.Count == 0)
            return;
        var payment = payments[run.Random.Next(payments.Count)];
        run.ChargedBack.Add(payment.Id);
        await run.Host.Emulator.SendChargebackAsync(payment.PspReference!, CancellationToken.None);
        run.Log($"chargeback of {payment.Id:N} ({payment.PspReference}) issued by the processor");
    }

    public static async Task AutopayAsync(RunContext run)
    {
        var saved = await run.Host.Primary.SendAsync(new GetPaymentMethodsQuery(run.AccountId));
        if (saved.Count == 0)
            return;
        await run.Host.Primary.SendAsync(new SetAutopayCommand(run.AccountId, true, saved[0].PaymentMethodId, run.PayerId, "posting"));
        var open = await Invariants.OpenAsync(run);
        var skip = open.Count > 0 && run.Has(Faults.ConcurrentPay) && run.Random.NextDouble() < 0.5 ? open[run.Random.Next(open.Count)] : null;
        var node = run.AnyNode();
        await Operations.RunAsync(run, $"autopay run on {node.Name}" + (skip is null ? "" : $" racing a skip of {skip.Number}"), async () =>
        {
            var sweep = Task.Run(() => node.SendAsync(new RunAutopayCommand()));
            if (skip is not null)
                await Operations.RunAsync(run, $"skip {skip.Number}", async () =>
                {
                    await run.AnyNode().SendAsync(new SkipAutopayInvoiceCommand(run.AccountId, skip.Id, run.PayerId));
                    run.SkippedInvoices.Add(skip.Id);
                }, processorCall: false, mayStop: false);
            await sweep;
        });
    }

    public static async Task ResolveAsync(RunContext run, bool faulty = true)
    {
        // Past the resolver's 5-minute "interrupted" mark and the 15 minutes within which a lost answer may be cancelled.
        run.Host.Advance(TimeSpan.FromMinutes(16));
        var node = run.AnyNode();
        await Operations.RunAsync(run, $"resolver on {node.Name}", () => node.SendAsync(new ResolveStalePaymentsCommand()),
            processorCall: faulty, mayStop: false);
    }

    public static async Task DrainAsync(RunContext run)
    {
        // Two hosts drain at once, as their background dispatchers would.
        var nodes = run.Host.Nodes.Count > 1 && run.Has(Faults.TwoHosts) ? run.Host.Nodes : [run.AnyNode()];
        await Task.WhenAll(nodes.Select(n => Task.Run(n.DrainAsync)));
    }

    public static async Task StopAutopayAsync(RunContext run) =>
        await run.Host.Primary.SendAsync(new SetAutopayCommand(run.AccountId, false, null, run.PayerId));
}

internal sealed record RefundablePayment
{
    public Guid Id { get; init; }
    public string? PspReference { get; init; }
    public long Remaining { get; init; }
}
