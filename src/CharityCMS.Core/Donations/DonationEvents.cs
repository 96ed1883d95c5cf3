namespace CharityCMS.Donations;

// What Stripe told us happened to the charity's money, recorded once per Stripe object. Amounts are
// in pence, as Stripe counts them. Only verified webhooks append these events: the donor's return
// to the success page records nothing.

public enum DonationKind
{
    OneOff,
    Monthly,
}

/// <summary>A payment that reached the charity: a one-off gift, or one month of a recurring gift.</summary>
public sealed record DonationReceived(
    Guid DonorId,
    string StripePaymentIntentId,
    long AmountPence,
    string Currency,
    DonationKind Kind,
    string? Campaign,
    string? StripeSubscriptionId,
    DateTimeOffset ReceivedAt);

/// <summary>
/// Stripe's running total refunded on the payment, not the latest refund alone: a replayed or
/// out-of-order refund can then never count twice. It can arrive before the payment itself.
/// </summary>
public sealed record DonationRefunded(long TotalRefundedPence, DateTimeOffset At);

/// <summary>A donor who gave through Stripe Checkout, as she described herself on the donation page.</summary>
public sealed record DonorRecorded(string StripeCustomerId, string? Name, string? Email, bool EmailConsent, DateTimeOffset At);

/// <summary>She said yes or no to hearing from the charity by email.</summary>
public sealed record DonorEmailConsentChanged(bool EmailConsent, string ChangedBy, DateTimeOffset At);

/// <summary>
/// A Gift Aid declaration as HMRC needs it: her name and home address, covering this gift, gifts in
/// the four years before and all future gifts until she cancels.
/// </summary>
public sealed record GiftAidDeclarationMade(
    Guid DeclarationId,
    GiftAidDeclarant Declarant,
    DeclarationMethod Method,
    DateOnly MadeOn,
    DateTimeOffset At);

public sealed record GiftAidDeclarationCancelled(Guid DeclarationId, DateOnly CancelledOn, string CancelledBy, DateTimeOffset At);

/// <summary>A monthly gift set up through Checkout (a Stripe subscription).</summary>
public sealed record RecurringGiftStarted(Guid DonorId, string StripeSubscriptionId, long MonthlyAmountPence, string Currency, string? Campaign, DateTimeOffset StartedAt);

/// <summary>The subscription ended: cancelled by her, by the charity, or by Stripe after failed payments.</summary>
public sealed record RecurringGiftEnded(DateTimeOffset EndedAt);
