using System.Text.Json;
using System.Text.Json.Nodes;
using Stripe;

namespace CharityCMS.TestSupport;

/// <summary>
/// Stripe webhook events as Stripe sends them (the same JSON shapes and the same signature header,
/// made with Stripe.net's own signer), for the tests and the local Stripe stand-in.
/// </summary>
public static class StripeTestEvents
{
    public const string SecretKey = "sk_test_51CharityCmsLocalStandInKey000000000000";
    public const string WebhookSecret = "whsec_charitycms_local_test_secret_0001";

    public static string Event(string id, string type, JsonObject dataObject, DateTimeOffset created) => new JsonObject
    {
        ["id"] = id,
        ["object"] = "event",
        ["api_version"] = StripeConfiguration.ApiVersion,
        ["created"] = created.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["type"] = type,
        ["data"] = new JsonObject { ["object"] = dataObject },
    }.ToJsonString();

    /// <summary>The Stripe-Signature header for a payload, signed at the given moment.</summary>
    public static string Sign(string payload, DateTimeOffset at, string secret = WebhookSecret) =>
        EventUtility.GenerateSignatureHeader(payload, secret, at.ToUnixTimeSeconds());

    public static JsonObject CheckoutSession(string id, Guid checkoutId, string mode, long amountPence, string customer,
        string? paymentIntent = null, string? subscription = null, string email = "donor@example.org", string name = "Dana Donor") => new()
    {
        ["id"] = id,
        ["object"] = "checkout.session",
        ["mode"] = mode,
        ["status"] = "complete",
        ["payment_status"] = "paid",
        ["client_reference_id"] = checkoutId.ToString(),
        ["customer"] = customer,
        ["payment_intent"] = paymentIntent,
        ["subscription"] = subscription,
        ["amount_total"] = amountPence,
        ["currency"] = "gbp",
        ["customer_details"] = new JsonObject { ["email"] = email, ["name"] = name },
    };

    public static JsonObject PaidInvoice(string id, string customer, string subscription, long amountPence, string? paymentIntent, DateTimeOffset paidAt,
        string? campaign = null) => new()
    {
        ["id"] = id,
        ["object"] = "invoice",
        ["customer"] = customer,
        ["status"] = "paid",
        ["amount_paid"] = amountPence,
        ["currency"] = "gbp",
        ["parent"] = new JsonObject
        {
            ["type"] = "subscription_details",
            ["subscription_details"] = new JsonObject
            {
                ["subscription"] = subscription,
                ["metadata"] = campaign is null ? new JsonObject() : new JsonObject { ["campaign"] = campaign },
            },
        },
        // Stripe leaves an invoice's payments out of some payloads; then the app asks for them.
        ["payments"] = paymentIntent is null ? null : InvoicePayments(id, paymentIntent, amountPence),
        ["status_transitions"] = new JsonObject { ["paid_at"] = paidAt.ToUnixTimeSeconds() },
    };

    public static JsonObject InvoicePayments(string invoiceId, string paymentIntent, long amountPence) => new()
    {
        ["object"] = "list",
        ["has_more"] = false,
        ["url"] = "/v1/invoice_payments",
        ["data"] = new JsonArray(new JsonObject
        {
            ["id"] = $"inpay_{invoiceId}",
            ["object"] = "invoice_payment",
            ["invoice"] = invoiceId,
            ["status"] = "paid",
            ["amount_paid"] = amountPence,
            ["amount_requested"] = amountPence,
            ["currency"] = "gbp",
            ["is_default"] = true,
            ["payment"] = new JsonObject { ["type"] = "payment_intent", ["payment_intent"] = paymentIntent },
        }),
    };

    public static JsonObject RefundedCharge(string id, string paymentIntent, long amountPence, long totalRefundedPence) => new()
    {
        ["id"] = id,
        ["object"] = "charge",
        ["payment_intent"] = paymentIntent,
        ["amount"] = amountPence,
        ["amount_refunded"] = totalRefundedPence,
        ["refunded"] = totalRefundedPence >= amountPence,
        ["currency"] = "gbp",
    };

    public static JsonObject EndedSubscription(string id, DateTimeOffset endedAt) => new()
    {
        ["id"] = id,
        ["object"] = "subscription",
        ["status"] = "canceled",
        ["ended_at"] = endedAt.ToUnixTimeSeconds(),
    };

    public static string Json(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
