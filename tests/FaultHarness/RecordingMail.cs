using System.Collections.Concurrent;
using Portal.BuildingBlocks.Email;

namespace Portal.FaultHarness;

/// <summary>
/// Stands in for SMTP on every host of a batch: keeps what was sent in memory (no files, so thousands of runs stay fast)
/// and, when the run drew MailFailure, refuses a share of the messages as a flaky SMTP server would.
/// </summary>
internal sealed class RecordingMail : IEmailSender
{
    private readonly ConcurrentQueue<EmailMessage> sent = new();
    private readonly Lock gate = new();
    private Random failures = new(0);
    private double failureRate;
    private int sendsBeforeFailure = -1;

    public IReadOnlyList<EmailMessage> Sent => [.. sent];

    public void Reset(int seed, double rate, bool keepSent = false)
    {
        lock (gate)
        {
            failures = new Random(seed);
            failureRate = rate;
        }
        if (!keepSent)
            sent.Clear();
    }

    /// <summary>Lets this many messages through, then refuses exactly one (a server that fails mid-way through the recipients).</summary>
    public void FailOnceAfter(int sends)
    {
        lock (gate)
            sendsBeforeFailure = sends;
    }

    public Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        lock (gate)
        {
            if (sendsBeforeFailure >= 0 && sendsBeforeFailure-- == 0)
                throw new IOException("451 4.3.0 Temporary SMTP failure (injected by the fault harness)");
            if (failureRate > 0 && failures.NextDouble() < failureRate)
                throw new IOException("451 4.3.0 Temporary SMTP failure (injected by the fault harness)");
        }
        sent.Enqueue(message);
        return Task.CompletedTask;
    }
}
