using CharityCMS.Workspaces;

namespace CharityCMS.Donations.GiftAid;

public enum ClaimStatus
{
    Draft,
    Confirmed,
    Discarded,
}

/// <summary>A Gift Aid claim's stream state and inline snapshot: drafted, then confirmed or discarded.</summary>
public sealed class GiftAidClaim
{
    public Guid Id { get; set; }
    public ClaimStatus Status { get; set; }
    public bool AggregateSmallGifts { get; set; }
    public List<ClaimGift> Gifts { get; set; } = [];
    public List<ClaimAdjustment> Adjustments { get; set; } = [];
    public StaffMember DraftedBy { get; set; } = new(Guid.Empty, "");
    public DateTimeOffset DraftedAt { get; set; }
    public StaffMember? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    public long TotalPence => Gifts.Sum(g => g.AmountPence);
    public long GiftAidPence => Gifts.Sum(g => g.GiftAidPence);
    public long RepayPence => Adjustments.Sum(a => a.GiftAidToRepayPence);

    public static GiftAidClaim Create(GiftAidClaimDrafted drafted) => new()
    {
        Status = ClaimStatus.Draft,
        AggregateSmallGifts = drafted.AggregateSmallGifts,
        Gifts = [.. drafted.Gifts],
        Adjustments = [.. drafted.Adjustments],
        DraftedBy = drafted.By,
        DraftedAt = drafted.At,
    };

    public void Apply(GiftAidClaimConfirmed confirmed) => (Status, DecidedBy, DecidedAt) = (ClaimStatus.Confirmed, confirmed.By, confirmed.At);

    public void Apply(GiftAidClaimDiscarded discarded) => (Status, DecidedBy, DecidedAt) = (ClaimStatus.Discarded, discarded.By, discarded.At);
}

/// <summary>
/// A gift in a confirmed claim, keyed by the donation's id and inserted in the same transaction as
/// the confirmation: the database itself refuses a second claim of the same gift, even from two
/// confirmations at the same instant.
/// </summary>
public sealed class ClaimedDonation
{
    public Guid Id { get; set; }
    public Guid ClaimId { get; set; }
    public long AmountPence { get; set; }
    public DateOnly GivenOn { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }
    /// <summary>The later claim that paid back the Gift Aid on its refund, once one is confirmed.</summary>
    public Guid? AdjustedInClaimId { get; set; }
}

/// <summary>A Gift Aid rule refused the request. The message says why, in words for the fundraiser.</summary>
public sealed class GiftAidRuleException(string message) : Exception(message);

public sealed class GiftAidClaimNotFoundException() : Exception("No Gift Aid claim with that id exists in this workspace.");
