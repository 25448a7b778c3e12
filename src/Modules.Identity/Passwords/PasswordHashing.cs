using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Portal.Modules.Identity.Passwords;

/// <summary>
/// PBKDF2-HMAC-SHA512 through the framework's PasswordHasher. One check costs ~100-200 ms of CPU, so at most
/// one per core runs at a time and a login flood queues instead of starving the rest of the portal.
/// </summary>
internal sealed class PasswordHashing
{
    private readonly PasswordHasher<object> hasher;
    private readonly SemaphoreSlim slots = new(Math.Max(1, Environment.ProcessorCount), Math.Max(1, Environment.ProcessorCount));
    private readonly string decoy;

    public PasswordHashing(IdentityOptions options)
    {
        hasher = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = options.HashIterations,
        }));
        decoy = hasher.HashPassword(this, Tokens.New());
    }

    public async Task<string> HashAsync(string password, CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        try
        {
            return hasher.HashPassword(this, password);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Verifies against the stored hash, or against a decoy when there is none, so unknown users take as long.</summary>
    public async Task<PasswordCheck> VerifyAsync(string? storedHash, string password, CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        try
        {
            var result = hasher.VerifyHashedPassword(this, storedHash ?? decoy, password);
            return storedHash is null ? PasswordCheck.Wrong : result switch
            {
                PasswordVerificationResult.Success => PasswordCheck.Right,
                PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.RightButRehash,
                _ => PasswordCheck.Wrong,
            };
        }
        finally
        {
            slots.Release();
        }
    }
}

internal enum PasswordCheck
{
    Wrong,
    Right,
    RightButRehash,
}
