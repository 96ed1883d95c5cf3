using CharityCMS.Storage;

namespace CharityCMS.Donations;

/// <summary>
/// Stream ids made from Stripe's own ids, so every event about one payment, subscription or
/// customer lands on one stream whatever order the webhooks arrive in, and twice is still once.
/// </summary>
public static class StripeIds
{
    public static Guid Donation(string paymentIntentId) => From("payment_intent", paymentIntentId);

    public static Guid RecurringGift(string subscriptionId) => From("subscription", subscriptionId);

    public static Guid Donor(string customerId) => From("customer", customerId);

    // The same Stripe id always gives the same stream.
    private static Guid From(string kind, string stripeId) => NameBasedId.From($"charitycms:stripe:{kind}:{stripeId}");
}
