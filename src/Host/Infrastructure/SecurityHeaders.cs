namespace Portal.Host.Infrastructure;

/// <summary>Headers that keep pages from being framed, sniffed or leaking their address; scripts only from us.</summary>
internal static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IConfiguration config)
    {
        var tiles = config["Jobsites:Map:TileOrigin"];
        var csp = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; "
                  + $"img-src 'self' data:{(string.IsNullOrEmpty(tiles) ? "" : " " + tiles)}; connect-src 'self'";
        return app.Use(async (http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ApiDocs.IsDocsPath(http.Request.Path) ? ApiDocs.Csp : csp;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            await next();
        });
    }
}
