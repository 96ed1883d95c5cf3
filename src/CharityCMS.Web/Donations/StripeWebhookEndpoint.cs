using CharityCMS.Donations;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics;

namespace CharityCMS.Web.Donations;

/// <summary>
/// Where each workspace's Stripe account sends its events: <c>/webhooks/stripe/{workspace}</c>.
/// Anonymous (Stripe signs instead); 400 with no side effect for anything not signed with that
/// workspace's secret, 2xx for everything verified, including types the records do not follow.
/// </summary>
public static class StripeWebhookEndpoint
{
    /// <summary>Stripe's events are a few kilobytes; anything this big is not one.</summary>
    private const int MaximumBytes = 512 * 1024;

    public static string PathFor(string workspaceId) => $"/webhooks/stripe/{workspaceId}";

    public static void MapStripeWebhooks(this WebApplication app)
    {
        app.MapPost("/webhooks/stripe/{workspace:regex(^[a-z0-9-]{{1,40}}$)}", async (string workspace, HttpRequest request, StripeWebhooks webhooks, IBackgroundJobClient jobs, CancellationToken ct) =>
            {
                // Stripe reads the status code, not a page: no status page for it.
                if (request.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusPages) statusPages.Enabled = false;
                if (request.ContentLength > MaximumBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
                // The signature covers the exact bytes Stripe sent: read them as they are, never re-serialised.
                using var reader = new StreamReader(request.Body);
                var payload = await reader.ReadToEndAsync(ct);
                if (payload.Length > MaximumBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
                var outcome = await webhooks.ReceiveAsync(workspace, payload, request.Headers["Stripe-Signature"].FirstOrDefault(), ct);
                // Receipts are written by a job, so Stripe gets its answer without waiting for a mail server.
                if (outcome == WebhookOutcome.Recorded) jobs.Enqueue<DonationReceipts>(receipts => receipts.SendDueAsync(workspace, CancellationToken.None));
                return outcome == WebhookOutcome.Refused ? Results.BadRequest() : Results.Ok();
            })
            .AllowAnonymous()
            .DisableAntiforgery();
    }
}
