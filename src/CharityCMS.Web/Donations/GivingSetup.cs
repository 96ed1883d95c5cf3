using System.Threading.RateLimiting;
using CharityCMS.Donations;
using Microsoft.AspNetCore.RateLimiting;

namespace CharityCMS.Web.Donations;

/// <summary>
/// The public donation page's protection: a web name no charity uses is answered 404 before any
/// page runs, and one IP address may start only so many checkouts an hour (each asks Stripe for a
/// session). Opening the page is never limited.
/// </summary>
public static class GivingSetup
{
    public const string Policy = "donation";

    /// <summary>How many gifts one IP address may start in an hour: generous for a family, tight for a card-testing robot.</summary>
    private const int PermitLimit = 20;

    public static void AddGiving(this WebApplicationBuilder builder)
    {
        var limit = builder.Configuration.GetValue("Donations:PermitLimit", PermitLimit);
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("open")));
    }

    public static void UseGiving(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/donate", out var rest))
        {
            var slug = rest.Value?.Trim('/').Split('/')[0] ?? "";
            if (await context.RequestServices.GetRequiredService<DonationCheckouts>().WorkspaceAsync(slug, context.RequestAborted) is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }
        await next();
    });
}
