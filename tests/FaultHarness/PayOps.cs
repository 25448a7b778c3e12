using Portal.BuildingBlocks;
using Portal.Modules.Payments.Contracts.Methods;
using Portal.Modules.Payments.Contracts.Payments;

namespace Portal.FaultHarness;

/// <summary>The pay flow as the customer drives it: new card (saved or not), saved method, a retry, two requests at once.</summary>
internal static class PayOps
{
    public static async Task PayAsync(RunContext run)
    {
        var pay = await NewRequestAsync(run);
        if (pay is null)
            return;
        run.PayRequests.Add(pay);
        var node = run.AnyNode();
        await Operations.RunAsync(run, $"pay {Describe(pay)} on {node.Name}", () => node.SendAsync(pay));
    }

    /// <summary>The same request again with the same key, as a client does after a timeout or an error page.</summary>
    public static async Task RetryAsync(RunContext run)
    {
        if (run.PayRequests.Count == 0)
            return;
        var pay = run.PayRequests[run.Random.Next(run.PayRequests.Count)];
        // A person retries after a while; within 35 s the portal would wait for the first request instead.
        run.Host.Advance(TimeSpan.FromMinutes(1));
        var node = run.AnyNode();
        await Operations.RunAsync(run, $"retry {Describe(pay)} on {node.Name}", () => node.SendAsync(pay));
    }

    /// <summary>Two requests for the same invoices at once (two people, or a double click with one key), possibly on two hosts.</summary>
    public static async Task ConcurrentAsync(RunContext run)
    {
        var first = await NewRequestAsync(run);
        if (first is null)
            return;
        var sameKey = run.Random.NextDouble() < 0.3;
        var second = sameKey ? first : first with { IdempotencyKey = Key(run) };
        run.PayRequests.Add(first);
        if (!sameKey)
            run.PayRequests.Add(second);
        var (a, b) = (run.AnyNode(), run.AnyNode());
        await Operations.RunAsync(run, $"concurrent {(sameKey ? "same key" : "two keys")} {Describe(first)} on {a.Name}+{b.Name}",
            async () =>
            {
                var both = new[] { Task.Run(() => a.SendAsync(first)), Task.Run(() => b.SendAsync(second)) };
                try
                {
                    await Task.WhenAll(both);
                }
                catch when (both.All(t => t.IsCompleted))
                {
                    // Both finished; rethrow the first failure so it is classified like a single request's.
                    throw both.First(t => t.IsFaulted).Exception!.InnerException!;
                }
            });
    }

    private static async Task<PayCommand?> NewRequestAsync(RunContext run)
    {
        var open = await Invariants.OpenAsync(run);
        if (open.Count == 0)
            return null;
        var rng = run.Random;
        var picked = open.Where(_ => rng.NextDouble() < 0.6).ToList();
        if (picked.Count == 0)
            picked.Add(open[rng.Next(open.Count)]);
        List<PaymentAllocationDto>? allocations = null;
        long amount;
        if (rng.NextDouble() < 0.7)
        {
            allocations = picked.Select(i => new PaymentAllocationDto(i.Id,
                Money.Dollars(i.AllowPartial && rng.NextDouble() < 0.3 ? Math.Max(1, i.Available / 2) : i.Available))).ToList();
            amount = allocations.Sum(a => a.Amount.Value);
        }
        else
            // Oldest due first over the open balance; now and then more than is open, which must be refused.
            amount = Math.Max(1, (long)(open.Sum(i => i.Available) * (rng.NextDouble() < 0.1 ? 1.2 : rng.NextDouble())));

        var method = await MethodAsync(run);
        var save = method.StoredPaymentMethodId is null && rng.NextDouble() < 0.5;
        return new PayCommand(run.AccountId, run.PayerId, Key(run), Money.Dollars(amount), allocations, method, save);
    }

    private static async Task<PaymentMethodInputDto> MethodAsync(RunContext run)
    {
        if (run.Random.NextDouble() < 0.4)
        {
            var saved = await run.Host.Primary.SendAsync(new GetPaymentMethodsQuery(run.AccountId));
            if (saved.Count > 0)
                return new PaymentMethodInputDto { StoredPaymentMethodId = saved[run.Random.Next(saved.Count)].PaymentMethodId };
        }
        var holder = run.Random.NextDouble() < 0.15 ? "DECLINED" : "Pat Customer";
        var number = run.Random.NextDouble() < 0.5 ? "4111111111111111" : "5555444433331111";
        return new PaymentMethodInputDto
        {
            Type = "scheme", EncryptedCardNumber = $"test_{number}", EncryptedExpiryMonth = "test_03", EncryptedExpiryYear = "test_2030",
            EncryptedSecurityCode = "test_737", HolderName = holder,
        };
    }

    // From the seed, so a replay sends the same keys in the same order.
    private static string Key(RunContext run) => $"k{run.Seed}-{run.Random.Next():x8}";

    private static string Describe(PayCommand pay) =>
        $"{pay.Amount.Value} key {pay.IdempotencyKey[..6]} {(pay.Method.StoredPaymentMethodId is null ? pay.Method.HolderName == "DECLINED" ? "declined-card" : "card" : "saved")}"
        + (pay.SavePaymentMethod ? "+save" : "") + (pay.Allocations is null ? " oldest-first" : $" {pay.Allocations.Count} invoice(s)");
}
