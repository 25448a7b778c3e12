using Portal.Modules.Payments.Adyen;

namespace Portal.FaultHarness;

/// <summary>
/// The emulator holds every webhook; at each delivery point the harness takes them and, as drawn, delivers, repeats,
/// shuffles, delays to a later point or never sends each one.
/// </summary>
internal static class Webhooks
{
    public static async Task DeliverAsync(RunContext run, bool final = false)
    {
        await run.Host.Emulator.WaitUntilIdleAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
        var batch = new List<NotificationItem>(run.DelayedWebhooks);
        run.DelayedWebhooks.Clear();
        batch.AddRange(run.Host.Emulator.TakeHeldWebhooks());
        if (batch.Count > 1 && run.Fires(Faults.WebhookReorder, 0.5))
        {
            run.Random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(batch));
            run.Log($"webhooks: {batch.Count} shuffled");
        }
        foreach (var item in batch)
        {
            var name = $"{item.EventCode} {(item.IsSuccess ? "ok" : "fail")} {item.PspReference}";
            if (run.Fires(Faults.WebhookDrop, 0.15))
            {
                run.DroppedWebhooks++;
                run.Log($"webhook never sent: {name}");
                continue;
            }
            if (!final && run.Fires(Faults.WebhookDelay, 0.3))
            {
                run.DelayedWebhooks.Add(item);
                run.Log($"webhook delayed: {name}");
                continue;
            }
            await SendAsync(run, item);
            if (run.Fires(Faults.WebhookDuplicate, 0.3))
            {
                await SendAsync(run, item);
                run.Log($"webhook duplicated: {name}");
            }
        }
    }

    /// <summary>The webhook reaches the host and is processed before the synchronous answer is recorded.</summary>
    public static async Task OvertakeAsync(RunContext run)
    {
        // The emulator releases a webhook once its answer is written; the client may read the answer a moment earlier.
        await run.Host.Emulator.WaitUntilIdleAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
        var ready = run.Host.Emulator.TakeHeldWebhooks();
        foreach (var item in ready)
            await SendAsync(run, item);
        await run.AnyNode().DrainAsync();
        run.Log($"webhook-first: {ready.Count} delivered and processed before the answer was recorded");
    }

    private static Task SendAsync(RunContext run, NotificationItem item)
    {
        if (item is { EventCode: EventCodes.Chargeback, OriginalReference: { } payment, Amount: { } amount })
            run.DeliveredChargebacks[item.PspReference] = (payment, amount.Value);
        return run.Host.Emulator.DeliverWebhookAsync(item, CancellationToken.None);
    }
}
