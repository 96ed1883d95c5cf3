using CharityCMS.Workspaces;
using FluentValidation;
using JasperFx;
using Marten;

namespace CharityCMS.Donations.GiftAid;

/// <summary>The gifts the fundraiser ticked on the claim page, and whether small ones go on aggregated lines.</summary>
public sealed record DraftGiftAidClaim(IReadOnlyList<Guid> DonationIds, bool AggregateSmallGifts);

public sealed class DraftGiftAidClaimValidator : AbstractValidator<DraftGiftAidClaim>
{
    public DraftGiftAidClaimValidator()
    {
        RuleFor(x => x.DonationIds).NotEmpty().WithMessage("Choose at least one gift to claim.")
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("Choose each gift once.");
    }
}

/// <summary>Where Gift Aid stands: every gift judged, and the refunds of claimed gifts a next claim must pay back.</summary>
public sealed record GiftAidPosition(IReadOnlyList<GiftAssessment> Gifts, IReadOnlyList<ClaimAdjustment> AdjustmentsDue, IReadOnlyDictionary<Guid, string?> DonorNames)
{
    public IEnumerable<GiftAssessment> Eligible => Gifts.Where(g => g.IsEligible);
    public IEnumerable<GiftAssessment> Ineligible => Gifts.Where(g => !g.IsEligible);
}

/// <summary>
/// Gift Aid claims: fundraisers and workspace admins only, in their own workspace only. A draft holds
/// gifts that were claimable when it was built; confirming checks again and marks them claimed.
/// </summary>
public sealed class GiftAidClaims(IDocumentStore store, IValidator<DraftGiftAidClaim> validator, TimeProvider clock)
{
    public async Task<GiftAidPosition> PositionAsync(WorkspaceAccess access, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.Fundraising, "see Gift Aid");
        await using var session = store.QuerySession(access.WorkspaceId);
        return await PositionAsync(session, ct);
    }

    public async Task<IReadOnlyList<GiftAidClaim>> ListAsync(WorkspaceAccess access, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.Fundraising, "see Gift Aid claims");
        await using var session = store.QuerySession(access.WorkspaceId);
        return await session.Query<GiftAidClaim>().OrderByDescending(c => c.DraftedAt).ToListAsync(ct);
    }

    public async Task<GiftAidClaim> LoadAsync(WorkspaceAccess access, Guid claimId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.Fundraising, "see Gift Aid claims");
        await using var session = store.QuerySession(access.WorkspaceId);
        return await session.LoadAsync<GiftAidClaim>(claimId, ct) ?? throw new GiftAidClaimNotFoundException();
    }

    public async Task<Guid> DraftAsync(WorkspaceAccess access, DraftGiftAidClaim command, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.Fundraising, "build Gift Aid claims");
        await validator.ValidateAndThrowAsync(command, ct);
        await using var session = store.LightweightSession(access.WorkspaceId);
        var position = await PositionAsync(session, ct);
        var chosen = command.DonationIds.ToHashSet();
        var gifts = position.Gifts.Where(g => chosen.Contains(g.Gift.DonationId)).ToList();
        if (gifts.Count != chosen.Count || gifts.Any(g => !g.IsEligible))
            throw new GiftAidRuleException("Some of the chosen gifts cannot be claimed now. Reload the page to see why.");
        var lines = gifts.Select(g => new ClaimGift(g.Gift.DonationId, g.Gift.DonorId, g.Gift.GivenOn!.Value, g.Gift.KeptPence, g.Declaration!.Declarant, g.Gift.RefundedPence)).ToList();
        var id = Guid.CreateVersion7();
        session.Events.StartStream<GiftAidClaim>(id, new GiftAidClaimDrafted(lines, command.AggregateSmallGifts, position.AdjustmentsDue, access.Member, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>
    /// Confirms a draft: its gifts become claimed and its adjustments paid back, in one transaction.
    /// A gift claimed meanwhile by another confirmation, or refunded since the draft, refuses it all.
    /// </summary>
    public async Task<GiftAidClaim> ConfirmAsync(WorkspaceAccess access, Guid claimId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.Fundraising, "confirm Gift Aid claims");
        await using var session = store.LightweightSession(access.WorkspaceId);
        var stream = await session.Events.FetchForWriting<GiftAidClaim>(claimId, ct);
        var claim = Draft(stream.Aggregate);
        // Judged again as things stand now: a refund, a benefit or a cancelled declaration since the draft stops it.
        var position = await PositionAsync(session, ct);
        var judgedNow = position.Gifts.ToDictionary(g => g.Gift.DonationId);
        var reasons = claim.Gifts.Select(g => judgedNow.TryGetValue(g.DonationId, out var judged) ? judged.Reason : Ineligibility.NotReceived).ToList();
        if (reasons.Contains(Ineligibility.AlreadyClaimed)) throw AlreadyClaimed();
        if (reasons.FirstOrDefault(r => r is not null) is { } reason)
            throw new GiftAidRuleException($"A gift in this claim can no longer be claimed: {GiftAidRules.Describe(reason)} Discard this claim and build a new one.");
        if (claim.Gifts.Any(g => judgedNow[g.DonationId].Gift.KeptPence != g.AmountPence))
            throw new GiftAidRuleException("A gift in this claim was refunded in part since the claim was built, so its amount has changed. Discard this claim and build a new one.");
        var due = position.AdjustmentsDue.Select(a => (a.DonationId, a.RepaidBeforePence)).ToHashSet();
        if (claim.Adjustments.Any(a => !due.Contains((a.DonationId, a.RepaidBeforePence))))
            throw RepaidElsewhere();

        var at = clock.GetUtcNow();
        stream.AppendOne(new GiftAidClaimConfirmed(access.Member, at));
        foreach (var gift in claim.Gifts)
            session.Insert(new ClaimedDonation
            {
                Id = gift.DonationId, ClaimId = claimId, AmountPence = gift.AmountPence, RefundedBeforePence = gift.RefundedBeforePence, GivenOn = gift.GivenOn, ClaimedAt = at,
            });
        foreach (var adjustment in claim.Adjustments)
            session.Insert(new GiftAidRepayment
            {
                Id = GiftAidRepayment.IdFor(adjustment.DonationId, adjustment.RepaidBeforePence), DonationId = adjustment.DonationId, ClaimId = claimId, RefundedPence = adjustment.RefundedPence,
            });
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (DocumentAlreadyExistsException e) when (e.DocumentType == typeof(GiftAidRepayment))
        {
            throw RepaidElsewhere();
        }
        catch (DocumentAlreadyExistsException)
        {
            throw AlreadyClaimed();
        }
        catch (ConcurrencyException)
        {
            throw new GiftAidRuleException("Someone else confirmed or discarded this claim at the same time. Reload the page.");
        }
        return (await session.LoadAsync<GiftAidClaim>(claimId, ct))!;
    }

    public async Task DiscardAsync(WorkspaceAccess access, Guid claimId, CancellationToken ct)
    {
        access.Require(WorkspaceRoles.Fundraising, "discard Gift Aid claims");
        await using var session = store.LightweightSession(access.WorkspaceId);
        var stream = await session.Events.FetchForWriting<GiftAidClaim>(claimId, ct);
        Draft(stream.Aggregate);
        stream.AppendOne(new GiftAidClaimDiscarded(access.Member, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
    }

    private static GiftAidClaim Draft(GiftAidClaim? claim) => claim switch
    {
        null => throw new GiftAidClaimNotFoundException(),
        { Status: ClaimStatus.Draft } => claim,
        _ => throw new GiftAidRuleException($"This claim was already {claim.Status.ToString().ToLowerInvariant()}."),
    };

    private static GiftAidRuleException AlreadyClaimed() =>
        new("A gift in this claim is already in a confirmed claim, so nothing was confirmed. Discard this claim and build a new one.");

    private static GiftAidRuleException RepaidElsewhere() =>
        new("A refund this claim pays back was paid back in another claim meanwhile, so nothing was confirmed. Discard this claim and build a new one.");

    private static async Task<GiftAidPosition> PositionAsync(IQuerySession session, CancellationToken ct)
    {
        var donations = await session.Query<Donation>().ToListAsync(ct);
        var claimed = (await session.Query<ClaimedDonation>().ToListAsync(ct)).ToDictionary(c => c.Id);
        var donors = (await session.Query<Donor>().ToListAsync(ct)).ToDictionary(d => d.Id);
        var assessed = GiftAidRules.Assess(donations.Select(d => GiftFacts.Of(d, claimed.ContainsKey(d.Id))), donors);
        var repaid = (await session.Query<GiftAidRepayment>().ToListAsync(ct))
            .GroupBy(r => r.DonationId).ToDictionary(g => g.Key, g => g.Max(r => r.RefundedPence));
        var adjustments = donations
            .Where(d => claimed.ContainsKey(d.Id))
            .Select(d => (Donation: d, Claimed: claimed[d.Id]))
            .Select(x => new ClaimAdjustment(x.Donation.Id, x.Claimed.ClaimId, x.Claimed.GivenOn, x.Claimed.AmountPence,
                Math.Clamp(x.Donation.RefundedPence - x.Claimed.RefundedBeforePence, 0, x.Claimed.AmountPence), repaid.GetValueOrDefault(x.Donation.Id)))
            .Where(a => a.RefundedSinceLastAdjustmentPence > 0)
            .OrderBy(a => a.GivenOn)
            .ToList();
        return new GiftAidPosition(assessed, adjustments, donors.ToDictionary(d => d.Key, d => d.Value.Name));
    }
}
