using System.Security.Cryptography;
using System.Text;

namespace Portal.Modules.Payments.Adyen.Emulator;

// Keys are per company at Adyen; the emulator is one company, so one dictionary for every endpoint.
internal sealed class IdempotencyStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    // The route is part of the request: the same key on another endpoint is another body.
    public static byte[] Fingerprint(string method, string path, byte[] body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{method} {path}\n"));
        hash.AppendData(body);
        return hash.GetHashAndReset();
    }

    public IdempotencyClaim Claim(string key, byte[] fingerprint)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(key, out var entry))
            {
                entries[key] = new Entry(fingerprint);
                return new IdempotencyClaim(IdempotencyClaimKind.Claimed, null);
            }
            if (!entry.Fingerprint.AsSpan().SequenceEqual(fingerprint))
                return new IdempotencyClaim(IdempotencyClaimKind.KeyReused, null);
            return entry.Result is null
                ? new IdempotencyClaim(IdempotencyClaimKind.InFlight, null)
                : new IdempotencyClaim(IdempotencyClaimKind.Replay, entry.Result);
        }
    }

    public void Complete(string key, EmulatorResult result)
    {
        lock (gate)
            entries[key].Result = result;
    }

    // Only when processing threw before anything was recorded, so a retry may process afresh.
    public void Abandon(string key)
    {
        lock (gate)
            entries.Remove(key);
    }

    private sealed class Entry(byte[] fingerprint)
    {
        public byte[] Fingerprint { get; } = fingerprint;
        public EmulatorResult? Result { get; set; }
    }
}

internal enum IdempotencyClaimKind
{
    Claimed,
    Replay,
    InFlight,
    KeyReused,
}

internal sealed record IdempotencyClaim(IdempotencyClaimKind Kind, EmulatorResult? Stored);
