using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CharityCMS.Web.Referrals;

public sealed class SelfReferralOptions
{
    public const string Section = "SelfReferral";

    /// <summary>How many times one IP address may send the public form within <see cref="Window"/>.</summary>
    public int PermitLimit { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// The public self-referral form's protection against floods: a fixed window per IP address on
/// submissions (opening the form is never limited), answered with a kind page, never an error.
/// </summary>
public static class SelfReferralSetup
{
    public const string Policy = "self-referral";

    public static void AddSelfReferrals(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SelfReferralOptions.Section).Get<SelfReferralOptions>() ?? new SelfReferralOptions();
        builder.Services.Configure<SelfReferralOptions>(builder.Configuration.GetSection(SelfReferralOptions.Section));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitLimit, Window = options.Window, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("open"));
            limiter.OnRejected = async (context, ct) =>
            {
                var response = context.HttpContext.Response;
                response.ContentType = "text/html; charset=utf-8";
                response.Headers.RetryAfter = ((int)options.Window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await response.WriteAsync(TooManyPage(options.Window), ct);
            };
        });
    }

    /// <summary>
    /// A web name no charity uses is answered 404 before any page runs, so the app's status page
    /// (public layout, quick exit) explains it. Then the rate limiter, after routing, so it sees
    /// which page (and policy) a request is for.
    /// </summary>
    public static void UseSelfReferrals(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/refer", out var rest))
            {
                var slug = rest.Value?.Trim('/').Split('/')[0] ?? "";
                var handler = context.RequestServices.GetRequiredService<CharityCMS.Referrals.SubmitSelfReferralHandler>();
                if (await handler.WorkspaceAsync(slug, context.RequestAborted) is null)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
            }
            await next();
        });
        app.UseRateLimiter();
    }

    /// <summary>
    /// Shown instead of the form when one address sent it too often. A page of its own, with the
    /// quick exit, because it is answered before any page is rendered. It echoes nothing she sent.
    /// </summary>
    private static string TooManyPage(TimeSpan window) => $$"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <meta name="robots" content="noindex, nofollow" />
            <title>Please try again later · CharityCMS</title>
            <link rel="stylesheet" href="/app.css" />
            <style>body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; }</style>
        </head>
        <body>
            <header class="public-header">
                <span class="public-brand">CharityCMS</span>
                <a href="https://www.bbc.co.uk/weather" class="quick-exit" data-quick-exit role="button" rel="noreferrer">
                    <span class="quick-exit-label">Leave this site</span>
                    <span class="quick-exit-hint">or press Esc</span>
                </a>
            </header>
            <main class="public-main">
                <h1>Please try again a little later</h1>
                <p>This form has been sent several times from your connection in a short time, so we cannot take another one just now.
                   Please wait {{Describe(window)}} and try again. Nothing you typed has been kept.</p>
                <p>If you are in danger now, call 999. If you cannot speak, call 999 from a mobile and press 55 when asked.</p>
                <p>The National Domestic Abuse Helpline is free and open day and night: 0808 2000 247.</p>
            </main>
            <script src="/js/quick-exit.js"></script>
        </body>
        </html>
        """;

    private static string Describe(TimeSpan window) => window.TotalMinutes switch
    {
        <= 1 => "a minute",
        < 60 => $"{(int)window.TotalMinutes} minutes",
        < 120 => "an hour",
        _ => $"{(int)window.TotalHours} hours",
    };
}
