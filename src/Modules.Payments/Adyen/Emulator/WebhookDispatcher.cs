using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Portal.Modules.Payments.Adyen.Emulator;

// Delivers webhooks from a background loop so no API answer ever waits on the webhook receiver.
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    private readonly EmulatorOptions options;
    private readonly EmulatorChaos chaos;
    private readonly Channel<Queued> queue = Channel.CreateUnbounded<Queued>(new() { SingleReader = true });
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private readonly List<Queued> held = [];
    private readonly List<SentWebhook> sent = [];
    private readonly Task loop;
    private volatile WebhookTarget? target;

    public WebhookDispatcher(EmulatorOptions options, EmulatorChaos chaos)
    {
        this.options = options;
        this.chaos = chaos;
        target = options.WebhookTarget;
        loop = Task.Run(RunAsync);
    }

    public WebhookTarget? Target { get => target; set => target = value; }

    public IReadOnlyList<SentWebhook> Sent
    {
        get { lock (gate) return [.. sent]; }
    }

    public void Enqueue(NotificationItem item) => Enqueue(item, Task.CompletedTask);

    // Held or queued right away so tests see a fixed order; `notBefore` keeps delivery after the API answer is written.
    public void Enqueue(NotificationItem item, Task notBefore)
    {
        var queued = new Queued(AdyenHmac.WithSignature(item, options.HmacKey), notBefore);
        lock (gate)
        {
            if (chaos.HoldWebhooks)
            {
                held.Add(queued);
                return;
            }
        }
        queue.Writer.TryWrite(queued);
    }

    public async Task ReleaseHeldAsync(bool reverseOrder, CancellationToken ct)
    {
        List<Queued> released;
        lock (gate)
        {
            released = [.. held];
            held.Clear();
        }
        if (reverseOrder)
            released.Reverse();
        foreach (var queued in released)
            await DeliverAsync(queued, ct);
    }

    // For fault harnesses: take the held webhooks whose API answer is out, to deliver, repeat, reorder or drop one by one.
    public IReadOnlyList<NotificationItem> TakeHeld()
    {
        lock (gate)
        {
            var ready = held.Where(q => q.NotBefore.IsCompleted).ToList();
            held.RemoveAll(ready.Contains);
            return [.. ready.Select(q => q.Item)];
        }
    }

    public Task DeliverNowAsync(NotificationItem item, CancellationToken ct) => DeliverWithRetriesAsync(item, ct);

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await stopping.CancelAsync();
        await loop;
        stopping.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var queued in queue.Reader.ReadAllAsync(stopping.Token))
                await DeliverAsync(queued, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(Queued queued, CancellationToken ct)
    {
        await queued.NotBefore.WaitAsync(ct);
        var copies = chaos.DuplicateWebhooks ? 2 : 1;
        for (var copy = 0; copy < copies; copy++)
            await DeliverWithRetriesAsync(queued.Item, ct);
    }

    // Any 2xx is accepted; otherwise retry on the compressed schedule, then give up and record the failure.
    private async Task DeliverWithRetriesAsync(NotificationItem item, CancellationToken ct)
    {
        var delays = options.WebhookRetryDelays;
        for (var attempt = 0; ; attempt++)
        {
            var status = await PostAsync(item, ct);
            var delivered = status is >= 200 and < 300;
            if (delivered || attempt >= delays.Count)
            {
                lock (gate)
                    sent.Add(new SentWebhook(item, delivered, attempt + 1, status));
                return;
            }
            await Task.Delay(delays[attempt], options.TimeProvider, ct);
        }
    }

    private async Task<int?> PostAsync(NotificationItem item, CancellationToken ct)
    {
        if (target is not { } destination)
            return null;
        var body = new NotificationRequest("false", [new NotificationItemEnvelope(item)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, destination.Url)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, AdyenJson.Options), Encoding.UTF8, "application/json"),
        };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.WebhookUsername}:{options.WebhookPassword}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        try
        {
            using var response = await destination.Client.SendAsync(request, ct);
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return null;
        }
    }

    private sealed record Queued(NotificationItem Item, Task NotBefore);
}
