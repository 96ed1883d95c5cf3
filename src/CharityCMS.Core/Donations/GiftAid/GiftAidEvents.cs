using CharityCMS.Workspaces;

namespace CharityCMS.Donations.GiftAid;

// Shipped events are never renamed or reshaped: add a new event instead.

/// <summary>
/// Something of value the donor received because of a gift (a ticket, a dinner, a thank-you
/// present), on the gift's own stream. It can put the gift over HMRC's benefit limits.
/// </summary>
public sealed record DonorBenefitRecorded(long ValuePence, string Description, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>
/// A claim a fundraiser built: the gifts as they stood (with the declaration's name and address, so
/// the schedule never changes under her), whether small gifts are aggregated, and the refunds of
/// gifts claimed before that this claim pays back.
/// </summary>
public sealed record GiftAidClaimDrafted(
    IReadOnlyList<ClaimGift> Gifts,
    bool AggregateSmallGifts,
    IReadOnlyList<ClaimAdjustment> Adjustments,
    StaffMember By,
    DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>The claim was sent to HMRC: its gifts are claimed and cannot be claimed again.</summary>
public sealed record GiftAidClaimConfirmed(StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>The draft was dropped: its gifts are free for another claim.</summary>
public sealed record GiftAidClaimDiscarded(StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>
/// One gift in a claim, with the declarant as the covering declaration gave her. The amount is what
/// the charity kept: the gift less <paramref name="RefundedBeforePence"/>, refunded before the draft.
/// </summary>
public sealed record ClaimGift(Guid DonationId, Guid DonorId, DateOnly GivenOn, long AmountPence, GiftAidDeclarant Declarant, long RefundedBeforePence = 0)
{
    public long GiftAidPence => GiftAidRules.GiftAidOn(AmountPence);
}

/// <summary>
/// A gift claimed in an earlier claim and refunded since: the Gift Aid on it is paid back.
/// <paramref name="RefundedPence"/> is all that went back to her out of the amount claimed;
/// <paramref name="RepaidBeforePence"/> the part of it earlier claims already paid back, so a
/// second partial refund pays back only its own share.
/// </summary>
public sealed record ClaimAdjustment(Guid DonationId, Guid ClaimedIn, DateOnly GivenOn, long ClaimedAmountPence, long RefundedPence, long RepaidBeforePence = 0)
{
    /// <summary>The Gift Aid over-claimed: the tax on the part of the gift that went back to her since the last adjustment.</summary>
    public long GiftAidToRepayPence =>
        GiftAidRules.GiftAidOn(Math.Max(0, ClaimedAmountPence - RepaidBeforePence)) - GiftAidRules.GiftAidOn(Math.Max(0, ClaimedAmountPence - RefundedPence));

    public long RefundedSinceLastAdjustmentPence => RefundedPence - RepaidBeforePence;
}
