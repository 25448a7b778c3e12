using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Portal.Modules.Payments.Adyen.Emulator;

// What every emulated call goes through: API key, chaos switches, Idempotency-Key, latency, webhooks after the answer.
internal sealed class EmulatorPipeline(
    EmulatorOptions options, EmulatorChaos chaos, IdempotencyStore idempotency, WebhookDispatcher webhooks,
    PendingPayments pending, CancellationToken stopping)
{
    private const string IdempotencyHeader = "Idempotency-Key";
    private const int MaxIdempotencyKeyLength = 64;

    public async Task RunAsync(HttpContext context, Func<EmulatorResult> process)
    {
        if (Refusal(context) is { } refusal)
        {
            await WriteAsync(context, refusal, null);
            return;
        }
        var result = process();
        await DelayAsync();
        await WriteAsync(context, result, null);
    }

    public async Task RunPostAsync(HttpContext context, bool movesMoney, Func<byte[], string?, EmulatorResult> process)
    {
        using var inFlight = chaos.EnterRequest();
        var body = await ReadBodyAsync(context);
        var key = context.Request.Headers[IdempotencyHeader].ToString();
        var refusal = Refusal(context)
            ?? (key.Length > MaxIdempotencyKeyLength ? ServiceErrors.Validation("Idempotency-Key is longer than 64 characters.") : null);
        if (refusal is not null)
        {
            await WriteAsync(context, refusal, null);
            return;
        }
        if (key.Length == 0)
        {
            var result = process(body, null);
            await DelayAsync();
            await FinishAsync(context, result, null, movesMoney);
            return;
        }
        await RunIdempotentAsync(context, key, body, movesMoney, process);
    }

    private async Task RunIdempotentAsync(HttpContext context, string key, byte[] body, bool movesMoney, Func<byte[], string?, EmulatorResult> process)
    {
        var claim = idempotency.Claim(key, IdempotencyStore.Fingerprint(context.Request.Method, context.Request.Path, body));
        switch (claim.Kind)
        {
            case IdempotencyClaimKind.Replay:
                await DelayAsync();
                await WriteAsync(context, claim.Stored!, key);
                return;
            case IdempotencyClaimKind.InFlight:
                await WriteAsync(context, ServiceErrors.IdempotencyInFlight(), key, transient: true);
                return;
            case IdempotencyClaimKind.KeyReused:
                await WriteAsync(context, ServiceErrors.IdempotencyKeyReused(), key);
                return;
        }

        EmulatorResult result;
        try
        {
            result = process(body, key);
        }
        catch
        {
            idempotency.Abandon(key);
            throw;
        }
        // Latency runs while the key is in flight, so concurrent duplicates meet the transient 704.
        try
        {
            await DelayAsync();
        }
        finally
        {
            idempotency.Complete(key, result);
        }
        await FinishAsync(context, result, key, movesMoney);
    }

    private async Task FinishAsync(HttpContext context, EmulatorResult result, string? key, bool movesMoney)
    {
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var item in result.Webhooks)
            webhooks.Enqueue(item, answered.Task);
        try
        {
            if (movesMoney && chaos.TryConsumeDrop())
                context.Abort();
            else
                await WriteAsync(context, result, key);
        }
        finally
        {
            // The charge happened even when the caller has gone (timeout, dropped answer), so its webhooks still go out.
            answered.TrySetResult();
            if (result.SettleLater is { } pspReference)
                pending.Schedule(pspReference);
        }
    }

    // Checked before anything is charged: a wrong API key or a FailNext switch never reaches the ledger.
    private EmulatorResult? Refusal(HttpContext context)
    {
        var sent = Encoding.UTF8.GetBytes(context.Request.Headers["X-API-Key"].ToString());
        if (!CryptographicOperations.FixedTimeEquals(sent, Encoding.UTF8.GetBytes(options.ApiKey)))
            return ServiceErrors.Unauthorized();
        return chaos.TryConsumeFailure() ? ServiceErrors.Internal() : null;
    }

    private async Task DelayAsync()
    {
        var latency = chaos.Latency;
        if (latency > TimeSpan.Zero)
            await Task.Delay(latency, options.TimeProvider, stopping);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    private static async Task WriteAsync(HttpContext context, EmulatorResult result, string? key, bool transient = false)
    {
        var response = context.Response;
        response.StatusCode = result.Status;
        if (key is not null)
            response.Headers[IdempotencyHeader] = key;
        if (transient)
            response.Headers["transient-error"] = "true";
        if (result.Json is not null)
        {
            response.ContentType = "application/json";
            await response.WriteAsync(result.Json, context.RequestAborted);
        }
    }
}
