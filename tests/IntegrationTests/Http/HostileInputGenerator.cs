using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.IntegrationTests.Http;

/// <summary>Hostile values for a parameter or a JSON body built from an OpenAPI schema: missing, null, wrong types, huge, overflowing, injected.</summary>
internal static class HostileInputGenerator
{
    public static readonly string[] Strings =
    [
        "", " ", "-1", "0", "9223372036854775808", "1e309", "NaN", "../../../etc/passwd", "' or 1=1 --", "\"; drop table payments_payments; --",
        "<script>alert(1)</script>", "${jndi:ldap://x}", "%00", "\u0000", "🦄🔥", "\u202Eevil", "ǅ\u0301\u0301\u0301", "null", "[]", "{}",
        new string('A', 5000), "00000000-0000-0000-0000-000000000000", "not_a_real_enum_value", "2026-02-30", "9999-99-99T99:99:99Z",
    ];

    private static readonly JsonNode?[] Values =
    [
        null, JsonValue.Create(""), JsonValue.Create(-1), JsonValue.Create(0), JsonValue.Create(long.MaxValue), JsonValue.Create(long.MinValue),
        JsonNode.Parse("9223372036854775808"), JsonNode.Parse("1e308"), JsonValue.Create(1.5), JsonValue.Create(true), new JsonArray(), new JsonObject(),
        new JsonArray(null, null), JsonValue.Create(new string('Z', 100_000)), JsonValue.Create("' or 1=1 --"), JsonValue.Create("🦄\u0000\u202E"),
        JsonValue.Create("not_a_real_enum_value"), JsonValue.Create("00000000-0000-0000-0000-000000000000"), JsonValue.Create("2026-13-45"),
    ];

    /// <summary>Whole bodies that are not the expected object at all.</summary>
    public static IEnumerable<(string Name, string Body)> Bodies()
    {
        yield return ("empty", "");
        yield return ("null", "null");
        yield return ("array", "[]");
        yield return ("string", "\"x\"");
        yield return ("number", "-9223372036854775809");
        yield return ("truncated", "{\"amount\":");
        yield return ("deep", new string('[', 200) + new string(']', 200));
        yield return ("duplicate keys", "{\"a\":1,\"a\":2}");
        yield return ("oversized", "{\"x\":\"" + new string('x', 3 * 1024 * 1024) + "\"}");
    }

    /// <summary>A plausible object for the schema, then that object with one property replaced by each hostile value (sampled).</summary>
    public static IEnumerable<(string Name, string Body)> FromSchema(JsonElement schema, JsonElement document, Random random, int max)
    {
        if (Build(schema, document, 0) is not JsonObject baseline)
            yield break;
        yield return ("plausible", baseline.ToJsonString());
        var variants = new List<(string, string)>();
        foreach (var property in baseline.Select(p => p.Key).ToList())
        {
            var missing = baseline.DeepClone().AsObject();
            missing.Remove(property);
            variants.Add(($"{property} missing", missing.ToJsonString()));
            foreach (var value in Values)
            {
                var changed = baseline.DeepClone().AsObject();
                changed[property] = value?.DeepClone();
                variants.Add(($"{property}={Short(value)}", changed.ToJsonString()));
            }
        }
        foreach (var variant in variants.OrderBy(_ => random.Next()).Take(max))
            yield return variant;
    }

    private static JsonNode? Build(JsonElement schema, JsonElement document, int depth)
    {
        if (depth > 6)
            return null;
        if (schema.TryGetProperty("$ref", out var reference))
            return Build(Resolve(document, reference.GetString()!), document, depth + 1);
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
            if (schema.TryGetProperty(combinator, out var options) && options.GetArrayLength() > 0)
                return Build(options.EnumerateArray().FirstOrDefault(o => !IsNullType(o)), document, depth + 1);
        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
            return JsonNode.Parse(values[0].GetRawText());
        var type = TypeOf(schema);
        return type switch
        {
            "object" => Object(schema, document, depth),
            "array" => schema.TryGetProperty("items", out var items) ? new JsonArray(Build(items, document, depth + 1)) : new JsonArray(),
            "integer" => JsonValue.Create(100),
            "number" => JsonValue.Create(1.5),
            "boolean" => JsonValue.Create(true),
            "string" => JsonValue.Create(StringFor(schema)),
            _ => schema.TryGetProperty("properties", out _) ? Object(schema, document, depth) : JsonValue.Create("x"),
        };
    }

    private static JsonObject Object(JsonElement schema, JsonElement document, int depth)
    {
        var result = new JsonObject();
        if (schema.TryGetProperty("properties", out var properties))
            foreach (var property in properties.EnumerateObject())
                result[property.Name] = Build(property.Value, document, depth + 1);
        return result;
    }

    private static string StringFor(JsonElement schema) => (schema.TryGetProperty("format", out var format) ? format.GetString() : null) switch
    {
        "uuid" => Guid.NewGuid().ToString(),
        "date" => "2026-03-01",
        "date-time" => "2026-03-01T12:00:00Z",
        "email" => "someone@example.test",
        _ => "Plain text",
    };

    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
            return null;
        return type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") : type.GetString();
    }

    private static bool IsNullType(JsonElement schema) => schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null";

    private static JsonElement Resolve(JsonElement document, string reference)
    {
        var node = document;
        foreach (var part in reference.TrimStart('#', '/').Split('/'))
            node = node.GetProperty(part.Replace("~1", "/").Replace("~0", "~"));
        return node;
    }

    private static string Short(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length > 24 ? text[..24] + "…" : text;
    }
}
