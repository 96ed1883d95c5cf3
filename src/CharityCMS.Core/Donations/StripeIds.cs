using System.Security.Cryptography;
using System.Text;

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

    // A name-based (version 5 style) id: the same Stripe id always gives the same stream.
    private static Guid From(string kind, string stripeId)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes($"charitycms:stripe:{kind}:{stripeId}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
