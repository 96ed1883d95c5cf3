namespace CharityCMS.Web.Access;

/// <summary>
/// Headers on every response. The Content-Security-Policy is the strictest that Blazor Server and
/// MudBlazor work with: scripts only from this site; inline styles allowed because MudBlazor writes
/// its theme and popovers as inline style. Pages are never cached: a shared computer must not keep a
/// copy of a client's record.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-elem 'self' 'unsafe-inline'; style-src-attr 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    private const string FormRedirectKey = "csp-form-redirect";

    /// <summary>
    /// Lets this page's form redirect to one other origin (the donation page sending her to Stripe's
    /// payment page): browsers apply <c>form-action</c> to a form's redirects too, with the policy of
    /// the page that holds the form, so the page itself must say so, not only the post's answer.
    /// </summary>
    public static void AllowFormRedirectTo(HttpContext context, Uri target) =>
        context.Items[FormRedirectKey] = target.GetLeftPart(UriPartial.Authority);

    private static string PolicyFor(HttpContext context) => context.Items[FormRedirectKey] is string origin
        ? ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {origin}", StringComparison.Ordinal)
        : ContentSecurityPolicy;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = PolicyFor(context);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Static assets come with their own caching headers; everything else (pages, status pages,
            // endpoints that say nothing) is never stored.
            if (!headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        await next();
    });
}
