using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Host.Infrastructure;

/// <summary>
/// PostgreSQL text cannot hold a NUL character: a value with one failed deep in the database as a 500. No field of ours
/// means anything with it, so a body, path or query value that carries one is refused at the door with a 400.
/// </summary>
internal static class NulCharacterGuard
{
    public static IApplicationBuilder UseNulCharacterGuard(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            if (request.Path.Value?.Contains('\0') == true || request.Query.Any(q => q.Key.Contains('\0') || q.Value.Any(v => v?.Contains('\0') == true)))
            {
                await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request could not be read.",
                    detail: "The address contains a NUL character.").ExecuteAsync(http);
                return;
            }
            await next(http);
        });

    /// <summary>Every JSON string the API reads goes through this.</summary>
    internal sealed class StringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetString();
            return value?.Contains('\0') == true ? throw new JsonException("A text value may not contain a NUL character.") : value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
