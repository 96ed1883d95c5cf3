using CharityCMS.Storage;
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
    /// <summary>What was claimed on: the gift less what had been refunded by then.</summary>
    public long AmountPence { get; set; }
    public long RefundedBeforePence { get; set; }
    public DateOnly GivenOn { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }
}

/// <summary>
/// Gift Aid paid back in a confirmed claim for a claimed gift refunded since. Keyed by the gift and
/// by how much had been paid back for it before, and inserted with the confirmation: two claims
/// carrying the same adjustment cannot both be confirmed, even at the same instant, while a later
/// refund of the same gift is a new adjustment with a new key.
/// </summary>
public sealed class GiftAidRepayment
{
    public Guid Id { get; set; }
    public Guid DonationId { get; set; }
    public Guid ClaimId { get; set; }
    /// <summary>All that had gone back to her out of the amount claimed, once this repayment is made.</summary>
    public long RefundedPence { get; set; }

    public static Guid IdFor(Guid donationId, long repaidBeforePence) =>
        NameBasedId.FromMd5($"charitycms:giftaid-repayment:{donationId:N}:{repaidBeforePence}");
}

/// <summary>A Gift Aid rule refused the request. The message says why, in words for the fundraiser.</summary>
public sealed class GiftAidRuleException(string message) : Exception(message);

public sealed class GiftAidClaimNotFoundException() : Exception("No Gift Aid claim with that id exists in this workspace.");
