namespace Portal.FaultHarness;

/// <summary>The fault classes a run may draw; each can be switched off with --faults.</summary>
[Flags]
public enum Faults
{
    None = 0,
    Latency = 1 << 0,           // processor answers after 1-40 ms
    Timeout = 1 << 1,           // one processor call answers after the client gave up (it still charged)
    ServerError = 1 << 2,       // one processor call answers 500 without doing anything
    DropAnswer = 1 << 3,        // one processor call charges, then the connection is cut
    WebhookDuplicate = 1 << 4,  // a webhook is delivered twice
    WebhookDelay = 1 << 5,      // a webhook waits until a later delivery point
    WebhookReorder = 1 << 6,    // a batch of webhooks goes out shuffled
    WebhookDrop = 1 << 7,       // a webhook is never sent
    WebhookFirst = 1 << 8,      // the webhook is processed before the synchronous answer is recorded
    HostStop = 1 << 9,          // the host stops between two commits of one operation (its scope is abandoned)
    ConcurrentPay = 1 << 10,    // two payment requests for the same invoices at once
    TwoHosts = 1 << 11,         // operations and outbox drains spread over two hosts on one PostgreSQL database
    MailFailure = 1 << 12,      // the SMTP server refuses a message now and then
    All = (1 << 13) - 1,
}

public static class FaultNames
{
    public static string Describe(Faults faults) => faults == Faults.None ? "none" : faults.ToString().Replace(", ", "+", StringComparison.Ordinal);

    public static Faults Parse(string text)
    {
        var faults = Faults.None;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            faults |= name.Equals("all", StringComparison.OrdinalIgnoreCase) ? Faults.All
                : Enum.Parse<Faults>(name, ignoreCase: true);
        return faults;
    }
}
