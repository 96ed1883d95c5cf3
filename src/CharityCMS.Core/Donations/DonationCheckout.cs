namespace CharityCMS.Donations;

/// <summary>
/// What a donor asked for on the donation page, kept here while she pays on Stripe's page. Stripe is
/// given only this document's id (as the session's client reference), never her name or address;
/// the verified webhook reads them back from here.
/// </summary>
public sealed record DonationCheckout(
    Guid Id,
    long AmountPence,
    DonationKind Kind,
    string? Campaign,
    GiftAidDeclarant? GiftAid,
    string? Email,
    bool EmailConsent,
    DateTimeOffset CreatedAt,
    string? StripeSessionId = null);
