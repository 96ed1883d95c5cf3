namespace CharityCMS.Donations;

/// <summary>
/// One payment, keyed by its Stripe payment intent (see <see cref="StripeIds"/>). Its events can
/// arrive in any order: a refund may come before the payment it refunds, and then the gift shows as
/// refunded and counts nothing until the payment arrives.
/// </summary>
public sealed class Donation
{
    public Guid Id { get; set; }
    public Guid DonorId { get; set; }
    public string StripePaymentIntentId { get; set; } = "";
    public long AmountPence { get; set; }
    public long RefundedPence { get; set; }
    public string Currency { get; set; } = "gbp";
    public DonationKind Kind { get; set; }
    public string? Campaign { get; set; }
    public string? StripeSubscriptionId { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>What the donor received for the gift, all benefits together (Gift Aid limits apply to it).</summary>
    public long BenefitPence { get; set; }

    public bool IsReceived => ReceivedAt is not null;

    /// <summary>What the charity keeps of it: the gift less what was refunded, never below nothing.</summary>
    public long NetPence => IsReceived ? Math.Max(0, AmountPence - RefundedPence) : 0;

    public bool IsRefunded => RefundedPence > 0;

    public void Apply(DonationReceived received)
    {
        DonorId = received.DonorId;
        StripePaymentIntentId = received.StripePaymentIntentId;
        AmountPence = received.AmountPence;
        Currency = received.Currency;
        Kind = received.Kind;
        Campaign = received.Campaign;
        StripeSubscriptionId = received.StripeSubscriptionId;
        ReceivedAt = received.ReceivedAt;
    }

    public void Apply(GiftAid.DonorBenefitRecorded benefit) => BenefitPence += benefit.ValuePence;

    public void Apply(DonationRefunded refunded) => RefundedPence = Math.Max(RefundedPence, refunded.TotalRefundedPence);
}
