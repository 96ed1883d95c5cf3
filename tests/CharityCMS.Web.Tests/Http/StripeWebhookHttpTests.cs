using System.Net;
using System.Text;
using CharityCMS.Donations;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using Hangfire;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using static CharityCMS.TestSupport.StripeTestEvents;

namespace CharityCMS.Web.Tests.Http;

/// <summary>A workspace with Stripe connected, and one without.</summary>
public sealed class StripeWebhookApp : CharityApp
{
    public string Connected { get; private set; } = "";
    public string Unconnected { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var workspace = await WorkspaceAsync("givers", "GIV");
        Connected = workspace.Id;
        Unconnected = (await WorkspaceAsync("no-stripe", "NOS")).Id;
        var admin = await workspace.AccessAsync(WorkspaceRole.WorkspaceAdmin);
        await Services.GetRequiredService<StripeAccounts>().ConnectAsync(admin, new ConnectStripe(SecretKey, WebhookSecret), default);
    }
}

/// <summary>The webhook endpoint over HTTP, as Stripe calls it: the raw body and its signature header.</summary>
public class StripeWebhookHttpTests(StripeWebhookApp app) : IClassFixture<StripeWebhookApp>
{
    private static string Refund(string eventId, long refunded) =>
        Event(eventId, "charge.refunded", RefundedCharge("ch_1", "pi_http", 5000, refunded), DateTimeOffset.UtcNow);

    private async Task<HttpResponseMessage> PostAsync(string workspace, string payload, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/stripe/{workspace}")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        if (signature is not null) request.Headers.Add("Stripe-Signature", signature);
        return await app.ClientFor(null).SendAsync(request);
    }

    private async Task<long> RefundedAsync()
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession(app.Connected);
        return (await session.LoadAsync<Donation>(StripeIds.Donation("pi_http")))?.RefundedPence ?? 0;
    }

    [Fact]
    public async Task A_signed_event_is_answered_200_and_recorded_and_its_replay_200_with_nothing_more()
    {
        var payload = Refund("evt_http_1", 1500);

        using var first = await PostAsync(app.Connected, payload, Sign(payload, DateTimeOffset.UtcNow));
        using var replay = await PostAsync(app.Connected, payload, Sign(payload, DateTimeOffset.UtcNow));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, replay.StatusCode));
        Assert.Equal(1500, await RefundedAsync());
    }

    [Fact]
    public async Task A_recorded_gift_leaves_its_receipt_to_a_background_job()
    {
        var payload = Event("evt_http_4", "charge.refunded", RefundedCharge("ch_9", "pi_http_job", 5000, 100), DateTimeOffset.UtcNow);
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var before = monitoring.EnqueuedCount("default");

        using var response = await PostAsync(app.Connected, payload, Sign(payload, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var job = monitoring.EnqueuedJobs("default", 0, 100).Select(j => j.Value.Job).Last(j => j.Type == typeof(DonationReceipts));
        Assert.Equal([app.Connected, CancellationToken.None], job.Args);
        Assert.Equal(before + 1, monitoring.EnqueuedCount("default"));
    }

    [Fact]
    public async Task Unsigned_forged_stale_and_misaddressed_events_get_400_and_change_nothing()
    {
        var payload = Refund("evt_http_2", 4000);
        var before = await RefundedAsync();

        using var unsigned = await PostAsync(app.Connected, payload, null);
        using var forged = await PostAsync(app.Connected, payload, Sign(payload, DateTimeOffset.UtcNow, "whsec_not_this_workspaces_secret"));
        using var stale = await PostAsync(app.Connected, payload, Sign(payload, DateTimeOffset.UtcNow.AddMinutes(-6)));
        using var unconnected = await PostAsync(app.Unconnected, payload, Sign(payload, DateTimeOffset.UtcNow));
        using var unknown = await PostAsync("nobody-here", payload, Sign(payload, DateTimeOffset.UtcNow));

        Assert.All(new[] { unsigned, forged, stale, unconnected, unknown }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(before, await RefundedAsync());
    }

    [Fact]
    public async Task An_event_type_the_records_do_not_follow_is_answered_200()
    {
        var payload = Event("evt_http_3", "customer.created", new() { ["id"] = "cus_1", ["object"] = "customer" }, DateTimeOffset.UtcNow);

        using var response = await PostAsync(app.Connected, payload, Sign(payload, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_body_too_big_to_be_a_stripe_event_is_refused_unread()
    {
        var payload = new string('x', 600 * 1024);

        using var response = await PostAsync(app.Connected, payload, Sign(payload, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
