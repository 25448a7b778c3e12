namespace Portal.Modules.Payments.Adyen.Emulator;

// Switches tests flip at runtime while requests are in flight, hence Interlocked/Volatile everywhere.
internal sealed class EmulatorChaos
{
    private long latencyTicks;
    private int failNext;
    private int dropNext;
    private volatile bool duplicateWebhooks;
    private volatile bool holdWebhooks;
    private volatile bool declineStoredCardsOnMit;

    // Added before every answer; on an idempotent POST it runs while the key is still in flight.
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref latencyTicks));
        set => Interlocked.Exchange(ref latencyTicks, value.Ticks);
    }

    public bool DuplicateWebhooks { get => duplicateWebhooks; set => duplicateWebhooks = value; }

    // Held webhooks wait for AdyenEmulator.ReleaseHeldWebhooksAsync, which can send them in reverse order.
    public bool HoldWebhooks { get => holdWebhooks; set => holdWebhooks = value; }

    // Adyen's test platform has no trigger for "a stored card later declines", so autopay failures need this.
    public bool DeclineStoredCardsOnMit { get => declineStoredCardsOnMit; set => declineStoredCardsOnMit = value; }

    private int inFlight;

    // Requests being answered (latency included): a fault harness waits for none before it looks at held webhooks.
    public int InFlight => Volatile.Read(ref inFlight);

    public IDisposable EnterRequest()
    {
        Interlocked.Increment(ref inFlight);
        return new Exit(this);
    }

    public void FailNext(int count) => Interlocked.Exchange(ref failNext, count);

    public void DropResponseAfterChargeNext(int count) => Interlocked.Exchange(ref dropNext, count);

    public bool TryConsumeFailure() => TryDecrement(ref failNext);

    public bool TryConsumeDrop() => TryDecrement(ref dropNext);

    private sealed class Exit(EmulatorChaos chaos) : IDisposable
    {
        private int done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref done, 1) == 0)
                Interlocked.Decrement(ref chaos.inFlight);
        }
    }

    private static bool TryDecrement(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
                return false;
            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
                return true;
        }
    }
}
