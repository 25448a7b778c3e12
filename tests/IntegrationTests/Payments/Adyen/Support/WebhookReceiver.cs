using Portal.Modules.Payments.Adyen;
using Portal.Modules.Payments.Adyen.Emulator;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.IntegrationTests.Payments.Adyen.Support;

internal sealed record ReceivedWebhook(NotificationItem Item, string Live, bool BasicAuthMatched, int ItemsInRequest);

// A second loopback server standing in for the Portal's webhook endpoint.
internal sealed class WebhookReceiver(WebApplication app, Uri url, ReceivedWebhooks received) : IAsyncDisposable
{
    public Uri Url { get; } = url;

    public IReadOnlyList<ReceivedWebhook> Received => received.Snapshot();

    public void RejectNext(int count) => received.RejectNext(count);

    public int RejectedCount => received.RejectedCount;

    public static async Task<WebhookReceiver> StartAsync(string username, string password)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var received = new ReceivedWebhooks();
        var expectedAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
        app.MapPost("/webhooks/adyen", async context =>
        {
            var request = await JsonSerializer.DeserializeAsync<NotificationRequest>(context.Request.Body, AdyenJson.Options);
            if (received.TryConsumeRejection())
            {
                context.Response.StatusCode = 500;
                return;
            }
            var authMatched = context.Request.Headers.Authorization.ToString() == expectedAuth;
            foreach (var envelope in request!.NotificationItems)
                received.Add(new ReceivedWebhook(envelope.NotificationRequestItem, request.Live, authMatched, request.NotificationItems.Count));
            await context.Response.WriteAsync("[accepted]");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebhookReceiver(app, new Uri($"{address.TrimEnd('/')}/webhooks/adyen"), received);
    }

    // A bounded wait woken by each arrival, not a sleep.
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> done, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            var (snapshot, next) = received.SnapshotAndSignal();
            if (done(snapshot))
                return snapshot;
            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Webhooks did not arrive in time; got: {string.Join(", ", snapshot.Select(w => $"{w.Item.EventCode}/{w.Item.Success}"))}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

internal sealed class ReceivedWebhooks
{
    private readonly Lock gate = new();
    private readonly List<ReceivedWebhook> items = [];
    private TaskCompletionSource signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int rejectNext;
    private int rejected;

    public int RejectedCount => Volatile.Read(ref rejected);

    public void RejectNext(int count) => Interlocked.Exchange(ref rejectNext, count);

    public bool TryConsumeRejection()
    {
        if (Interlocked.Decrement(ref rejectNext) < 0)
            return false;
        Interlocked.Increment(ref rejected);
        return true;
    }

    public void Add(ReceivedWebhook webhook)
    {
        TaskCompletionSource woken;
        lock (gate)
        {
            items.Add(webhook);
            woken = signal;
            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        woken.TrySetResult();
    }

    public IReadOnlyList<ReceivedWebhook> Snapshot()
    {
        lock (gate)
            return [.. items];
    }

    public (IReadOnlyList<ReceivedWebhook> Items, Task Next) SnapshotAndSignal()
    {
        lock (gate)
            return ([.. items], signal.Task);
    }
}
