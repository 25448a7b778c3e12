using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Modules.Payments.Adyen;

internal static class AdyenJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
