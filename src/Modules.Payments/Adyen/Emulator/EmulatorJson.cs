using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Portal.Modules.Payments.Adyen.Emulator;

internal static class EmulatorJson
{
    public static bool TryRead<T>(byte[] body, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out EmulatorResult? error)
        where T : class
    {
        try
        {
            value = JsonSerializer.Deserialize<T>(body, AdyenJson.Options);
        }
        catch (JsonException ex)
        {
            value = null;
            error = ServiceErrors.Unreadable(ex.Path is { } path ? $"invalid JSON at {path}" : "invalid JSON");
            return false;
        }
        error = value is null ? ServiceErrors.Unreadable("empty body") : null;
        return value is not null;
    }
}
