namespace Portal.Host.Infrastructure;

/// <summary>
/// SameSite=Lax stops other sites, not a page on a sibling subdomain (same site), whose forms still carry the cookie.
/// A form can send urlencoded, multipart or text/plain bodies, or none, but never a JSON content type or a custom
/// header. So a cookie-authenticated API change must either have a JSON body (the endpoints refuse any other type)
/// or carry <see cref="Name"/>; scripts and tests add the header, browsers' forms cannot.
/// </summary>
internal static class CsrfHeader
{
    public const string Name = "X-Portal-Csrf";

    public static IApplicationBuilder UseCsrfHeader(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (NeedsHeader(http) && string.IsNullOrWhiteSpace(http.Request.Headers[Name]))
            {
                await Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request could not be read.",
                        detail: $"A signed-in change without a JSON body needs the {Name} header (any value), which forms from other pages cannot send.")
                    .ExecuteAsync(http);
                return;
            }
            await next(http);
        });

    private static bool NeedsHeader(HttpContext http)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            return false;
        // The cookie is the only way to sign in, so any signed-in caller came with it.
        if (!request.Path.StartsWithSegments("/api") || http.User.Identity?.IsAuthenticated != true)
            return false;
        return !IsJson(request.ContentType);
    }

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true);
}
