namespace CharityCMS.Donations;

/// <summary>A monthly gift, keyed by its Stripe subscription. Each month's payment is a <see cref="Donation"/>.</summary>
public sealed class RecurringGift
{
    public Guid Id { get; set; }
    public Guid DonorId { get; set; }
    public string StripeSubscriptionId { get; set; } = "";
    public long MonthlyAmountPence { get; set; }
    public string Currency { get; set; } = "gbp";
    public string? Campaign { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Started and not ended. Its end can arrive before its start; then it never shows as active.</summary>
    public bool IsActive => StartedAt is not null && EndedAt is null;

    public void Apply(RecurringGiftStarted started)
    {
        DonorId = started.DonorId;
        StripeSubscriptionId = started.StripeSubscriptionId;
        MonthlyAmountPence = started.MonthlyAmountPence;
        Currency = started.Currency;
        Campaign = started.Campaign;
        StartedAt = started.StartedAt;
    }

    public void Apply(RecurringGiftEnded ended) => EndedAt = ended.EndedAt;
}
