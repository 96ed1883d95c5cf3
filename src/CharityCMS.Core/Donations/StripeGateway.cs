using Microsoft.Extensions.Options;
using Stripe;

namespace CharityCMS.Donations;

public sealed class StripeOptions
{
    public const string Section = "Stripe";

    /// <summary>Where the Stripe API is. Empty means Stripe itself; tests point it at a local stand-in.</summary>
    public string? ApiBase { get; set; }
}

/// <summary>Stripe.net clients with a workspace's own key: every Stripe call goes through here.</summary>
public sealed class StripeGateway(IOptions<StripeOptions> options)
{
    /// <summary>
    /// Where Stripe's hosted payment pages are, for the donation page's Content-Security-Policy:
    /// browsers check a form's redirect against the policy of the page that holds the form.
    /// </summary>
    public Uri CheckoutOrigin => string.IsNullOrWhiteSpace(options.Value.ApiBase)
        ? new Uri("https://checkout.stripe.com")
        : new Uri(new Uri(options.Value.ApiBase).GetLeftPart(UriPartial.Authority));

    public IStripeClient ClientFor(StripeSecrets secrets) => new StripeClient(new StripeClientOptions
    {
        ApiKey = secrets.SecretKey,
        ApiBase = string.IsNullOrWhiteSpace(options.Value.ApiBase) ? StripeClient.DefaultApiBase : options.Value.ApiBase.TrimEnd('/'),
    });

    /// <summary>
    /// The payment intent that paid an invoice. Webhook payloads do not always carry an invoice's
    /// payments, and a refund names only the payment intent, so each month's gift is keyed by it.
    /// </summary>
    public async Task<string?> PaymentIntentOfInvoiceAsync(StripeSecrets secrets, string invoiceId, CancellationToken ct)
    {
        var payments = await new InvoicePaymentService(ClientFor(secrets))
            .ListAsync(new InvoicePaymentListOptions { Invoice = invoiceId }, cancellationToken: ct);
        return PaymentIntentOf(payments);
    }

    public static string? PaymentIntentOf(IEnumerable<InvoicePayment>? payments) =>
        payments?.Where(p => p.Status == "paid" && p.Payment?.Type == "payment_intent").Select(p => p.Payment.PaymentIntentId).FirstOrDefault();
}
