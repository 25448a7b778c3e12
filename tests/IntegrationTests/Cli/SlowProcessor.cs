using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Portal.IntegrationTests.Cli;

/// <summary>A stand-in for the Checkout API that holds each payment until the test lets it answer "Authorised".</summary>
internal sealed class SlowProcessor : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TaskCompletionSource received = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SlowProcessor(WebApplication app) => this.app = app;

    public Uri BaseUrl => new(app.Urls.First() + "/v71/");

    public Task Received => received.Task;

    public static async Task<SlowProcessor> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var processor = new SlowProcessor(app);
        app.MapPost("/v71/payments", async (HttpContext http) =>
        {
            processor.received.TrySetResult();
            await processor.release.Task.WaitAsync(TimeSpan.FromMinutes(1));
            return Results.Json(new { resultCode = "Authorised", pspReference = "PSP" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant() });
        });
        await app.StartAsync();
        return processor;
    }

    public void Answer() => release.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        release.TrySetResult();
        await app.DisposeAsync();
    }
}
