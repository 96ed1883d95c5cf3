namespace CharityCMS.Donations;

/// <summary>
/// A Stripe event already acted on, stored in the same transaction as what it changed: a replay or
/// a second delivery finds it and changes nothing.
/// </summary>
public sealed record StripeEventRecord(string Id, string Type, DateTimeOffset ReceivedAt);
