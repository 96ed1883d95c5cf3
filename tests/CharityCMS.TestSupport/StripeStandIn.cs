using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CharityCMS.TestSupport;

/// <summary>A Checkout Session the app created, with the form fields exactly as Stripe.net sent them.</summary>
public sealed record StandInSession(string Id, string SecretKey, IReadOnlyDictionary<string, string> Fields)
{
    public string? this[string field] => Fields.GetValueOrDefault(field);

    public string Mode => Fields["mode"];

    public long AmountPence => long.Parse(Fields["line_items[0][price_data][unit_amount]"], System.Globalization.CultureInfo.InvariantCulture);

    public string? Campaign => this["metadata[campaign]"];
}

/// <summary>A webhook the stand-in sent to the app, kept so a test can deliver it again.</summary>
public sealed record StandInWebhook(Uri Endpoint, string Type, string Payload, string Signature, HttpStatusCode Answer);

/// <summary>
/// Stripe, as far as the app uses it, on a free loopback port: a real HTTP server that speaks
/// Stripe's API (form-encoded requests, Stripe's JSON and error shapes) for Checkout Sessions and
/// invoice payments, and a hosted checkout page whose Pay button sends the app the webhooks Stripe
/// would send, signed with Stripe.net's own signer, before returning the browser to the success page.
/// The app reaches it through its <c>Stripe:ApiBase</c> setting.
/// </summary>
public sealed class StripeStandIn : IAsyncDisposable
{
    private readonly WebApplication host;
    private readonly ConcurrentDictionary<string, (Uri Webhooks, string Secret)> accounts = new();
    private readonly ConcurrentDictionary<string, StandInSession> sessions = new();
    private readonly ConcurrentDictionary<string, (string PaymentIntent, long AmountPence)> invoices = new();
    private readonly ConcurrentQueue<StandInWebhook> sent = new();
    private readonly HttpClient webhookClient = new();
    private int counter;

    private StripeStandIn(WebApplication host)
    {
        this.host = host;
        host.MapPost("/v1/checkout/sessions", (Delegate)CreateSessionAsync);
        host.MapGet("/v1/invoice_payments", (Delegate)InvoicePayments);
        host.MapGet("/pay/{id}", (Delegate)PayPage);
        host.MapPost("/pay/{id}", async (string id, HttpContext context) =>
        {
            if (!sessions.ContainsKey(id)) return Results.NotFound();
            return Results.Redirect((await PayAsync(id, context.RequestAborted)).ToString(), preserveMethod: false);
        });
    }

    public Uri ApiBase { get; private set; } = null!;

    /// <summary>While true, every API call fails as when Stripe has an outage.</summary>
    public bool Unreachable { get; set; }

    public IReadOnlyCollection<StandInSession> Sessions => sessions.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyList<StandInWebhook> Webhooks => sent.ToList();

    public static async Task<StripeStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var standIn = new StripeStandIn(builder.Build());
        await standIn.host.StartAsync();
        var address = standIn.host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.ApiBase = new Uri(address);
        return standIn;
    }

    /// <summary>
    /// Connects the workspace's Stripe account in the app, as its admin does on the settings page, and
    /// points that account's webhooks at the app's endpoint for the workspace.
    /// </summary>
    public async Task ConnectAsync(IServiceProvider app, Uri appBase, CharityCMS.Workspaces.WorkspaceAccess admin,
        string secretKey = StripeTestEvents.SecretKey, string webhookSecret = StripeTestEvents.WebhookSecret)
    {
        await app.GetRequiredService<CharityCMS.Donations.StripeAccounts>().ConnectAsync(admin, new CharityCMS.Donations.ConnectStripe(secretKey, webhookSecret), default);
        AddAccount(secretKey, new Uri(appBase, $"/webhooks/stripe/{admin.WorkspaceId}"), webhookSecret);
    }

    /// <summary>A Stripe account: its secret key, and the webhook endpoint with its signing secret.</summary>
    public void AddAccount(string secretKey, Uri webhookEndpoint, string webhookSecret) => accounts[secretKey] = (webhookEndpoint, webhookSecret);

    /// <summary>
    /// What the Pay button does: sends the app the signed webhooks of a paid session (a completed
    /// checkout; for a monthly gift also its first paid invoice, without its payments, so the app
    /// asks for them) and gives the address Stripe returns the donor to.
    /// </summary>
    public async Task<Uri> PayAsync(string sessionId, CancellationToken ct = default)
    {
        var session = sessions[sessionId];
        var (endpoint, secret) = accounts[session.SecretKey];
        var n = Interlocked.Increment(ref counter);
        var customer = $"cus_standin{n:D4}";
        var now = DateTimeOffset.UtcNow;
        var checkoutId = Guid.Parse(session["client_reference_id"]!);
        var email = session["customer_email"] ?? "donor@example.org";
        if (session.Mode == "subscription")
        {
            var subscription = $"sub_standin{n:D4}";
            var invoice = $"in_standin{n:D4}";
            invoices[invoice] = ($"pi_standin{n:D4}", session.AmountPence);
            await SendAsync(endpoint, secret, $"evt_standin{n:D4}a", "checkout.session.completed",
                StripeTestEvents.CheckoutSession(sessionId, checkoutId, "subscription", session.AmountPence, customer, subscription: subscription, email: email), now, ct);
            await SendAsync(endpoint, secret, $"evt_standin{n:D4}b", "invoice.paid",
                StripeTestEvents.PaidInvoice(invoice, customer, subscription, session.AmountPence, null, now, session["subscription_data[metadata][campaign]"]), now, ct);
        }
        else
        {
            await SendAsync(endpoint, secret, $"evt_standin{n:D4}a", "checkout.session.completed",
                StripeTestEvents.CheckoutSession(sessionId, checkoutId, "payment", session.AmountPence, customer, paymentIntent: $"pi_standin{n:D4}", email: email), now, ct);
        }
        return new Uri(session["success_url"]!);
    }

    /// <summary>Delivers a webhook again exactly as it was first sent, as Stripe does when it retries.</summary>
    public async Task<HttpStatusCode> ResendAsync(StandInWebhook webhook, CancellationToken ct = default)
    {
        using var request = Post(webhook.Endpoint, webhook.Payload, webhook.Signature);
        using var response = await webhookClient.SendAsync(request, ct);
        return response.StatusCode;
    }

    private async Task SendAsync(Uri endpoint, string secret, string eventId, string type, JsonObject data, DateTimeOffset at, CancellationToken ct)
    {
        var payload = StripeTestEvents.Event(eventId, type, data, at);
        var signature = StripeTestEvents.Sign(payload, at, secret);
        using var request = Post(endpoint, payload, signature);
        using var response = await webhookClient.SendAsync(request, ct);
        sent.Enqueue(new StandInWebhook(endpoint, type, payload, signature, response.StatusCode));
    }

    private static HttpRequestMessage Post(Uri endpoint, string payload, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", signature);
        return request;
    }

    private async Task<IResult> CreateSessionAsync(HttpContext context)
    {
        if (Unreachable) return StripeError(StatusCodes.Status500InternalServerError, "api_error", "An unknown error occurred.");
        if (KeyOf(context) is not { } key) return StripeError(StatusCodes.Status401Unauthorized, "invalid_request_error", "Invalid API Key provided.");
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        foreach (var required in new[] { "mode", "success_url", "client_reference_id", "line_items[0][price_data][unit_amount]" })
            if (!fields.ContainsKey(required)) return StripeError(StatusCodes.Status400BadRequest, "invalid_request_error", $"Missing required param: {required}.");
        var id = $"cs_test_standin{Interlocked.Increment(ref counter):D4}";
        var session = new StandInSession(id, key, fields);
        sessions[id] = session;
        var metadata = new JsonObject();
        foreach (var (field, value) in fields.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)))
            metadata[field["metadata[".Length..^1]] = value;
        return Json(new JsonObject
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["mode"] = session.Mode,
            ["status"] = "open",
            ["payment_status"] = "unpaid",
            ["client_reference_id"] = session["client_reference_id"],
            ["customer_email"] = session["customer_email"],
            ["amount_total"] = session.AmountPence,
            ["currency"] = "gbp",
            ["livemode"] = false,
            ["metadata"] = metadata,
            ["success_url"] = session["success_url"],
            ["cancel_url"] = session["cancel_url"],
            ["url"] = new Uri(ApiBase, $"/pay/{id}").ToString(),
        });
    }

    private IResult InvoicePayments(HttpContext context)
    {
        if (Unreachable) return StripeError(StatusCodes.Status500InternalServerError, "api_error", "An unknown error occurred.");
        if (KeyOf(context) is null) return StripeError(StatusCodes.Status401Unauthorized, "invalid_request_error", "Invalid API Key provided.");
        var invoice = context.Request.Query["invoice"].ToString();
        return invoices.TryGetValue(invoice, out var paid)
            ? Json(StripeTestEvents.InvoicePayments(invoice, paid.PaymentIntent, paid.AmountPence))
            : Json(new JsonObject { ["object"] = "list", ["has_more"] = false, ["url"] = "/v1/invoice_payments", ["data"] = new JsonArray() });
    }

    private IResult PayPage(string id)
    {
        if (!sessions.TryGetValue(id, out var session)) return Results.NotFound();
        var what = session.Mode == "subscription" ? "a month" : "once";
        var amount = (session.AmountPence / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var cancel = WebUtility.HtmlEncode(session["cancel_url"] ?? "/");
        return Results.Content($"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Pay · Stripe stand-in</title></head>
            <body style="font-family: sans-serif; max-width: 30rem; margin: 2rem auto; padding: 0 1rem">
              <main>
                <h1>Stripe stand-in checkout</h1>
                <p id="amount">£{amount} {what}</p>
                <form method="post" action="/pay/{id}"><button type="submit" id="pay">Pay</button></form>
                <p><a href="{cancel}" id="cancel">Back to the charity</a></p>
              </main>
            </body>
            </html>
            """, "text/html; charset=utf-8");
    }

    private string? KeyOf(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var key = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        return key is not null && accounts.ContainsKey(key) ? key : null;
    }

    private static IResult Json(JsonNode body) => Results.Content(body.ToJsonString(), "application/json");

    private static IResult StripeError(int status, string type, string message) => Results.Content(
        new JsonObject { ["error"] = new JsonObject { ["type"] = type, ["message"] = message } }.ToJsonString(), "application/json", Encoding.UTF8, status);

    public async ValueTask DisposeAsync()
    {
        webhookClient.Dispose();
        await host.StopAsync();
        await host.DisposeAsync();
    }
}
