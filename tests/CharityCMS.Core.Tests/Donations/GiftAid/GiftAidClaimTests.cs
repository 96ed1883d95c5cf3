using CharityCMS.Donations;
using CharityCMS.Donations.GiftAid;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using FluentValidation;
using Marten;

namespace CharityCMS.Core.Tests.Donations.GiftAid;

/// <summary>Claims on PostgreSQL: built from eligible gifts, confirmed once, never twice for a gift, refunds paid back next time.</summary>
public class GiftAidClaimTests : DomainDatabase
{
    private TestWorkspace workspace = null!;
    private WorkspaceAccess fundraiser = null!;
    private int payments;

    private GiftAidClaims Claims => Get<GiftAidClaims>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        workspace = await TestWorkspace.CreateAsync(Store);
        fundraiser = await workspace.AccessAsync(WorkspaceRole.Fundraiser);
    }

    private async Task<Guid> DonorAsync(bool declaration = true, string? workspaceId = null)
    {
        var customer = $"cus_{Guid.NewGuid():N}";
        var id = StripeIds.Donor(customer);
        await using var session = Store.LightweightSession(workspaceId ?? workspace.Id);
        session.Events.Append(id, new DonorRecorded(customer, "Dana Donor", null, false, Clock.GetUtcNow()));
        if (declaration)
            session.Events.Append(id, new GiftAidDeclarationMade(Guid.NewGuid(), new GiftAidDeclarant("Ms", "Dana", "Donor", "12", "High Street", "LS1 4AB"),
                DeclarationMethod.Online, new DateOnly(2026, 1, 1), Clock.GetUtcNow()));
        await session.SaveChangesAsync();
        return id;
    }

    private async Task<Guid> GiftAsync(Guid donorId, long pence, string? workspaceId = null)
    {
        var paymentIntent = $"pi_{++payments:D4}_{Guid.NewGuid():N}";
        var id = StripeIds.Donation(paymentIntent);
        await using var session = Store.LightweightSession(workspaceId ?? workspace.Id);
        session.Events.Append(id, new DonationReceived(donorId, paymentIntent, pence, "gbp", DonationKind.OneOff, null, null, Clock.GetUtcNow().AddDays(-payments)));
        await session.SaveChangesAsync();
        return id;
    }

    private async Task RefundAsync(Guid donationId, long totalRefunded)
    {
        await using var session = Store.LightweightSession(workspace.Id);
        session.Events.Append(donationId, new DonationRefunded(totalRefunded, Clock.GetUtcNow()));
        await session.SaveChangesAsync();
    }

    /// <summary>Confirms every draft at the same instant, as two fundraisers on two screens might.</summary>
    private Task<(GiftAidClaim? Confirmed, string? Refusal)[]> ConfirmAllAtOnceAsync(IEnumerable<Guid> drafts) =>
        Task.WhenAll(drafts.Select(async id =>
        {
            try
            {
                return (await Claims.ConfirmAsync(fundraiser, id, default), (string?)null);
            }
            catch (GiftAidRuleException e)
            {
                return ((GiftAidClaim?)null, e.Message);
            }
        }));

    private async Task<Ineligibility?> ReasonForAsync(Guid donationId) =>
        (await Claims.PositionAsync(fundraiser, default)).Gifts.Single(g => g.Gift.DonationId == donationId).Reason;

    [Fact]
    public async Task The_position_lists_eligible_gifts_and_says_why_the_others_are_not()
    {
        var dana = await DonorAsync();
        var eligible = await GiftAsync(dana, 5_000);
        var refunded = await GiftAsync(dana, 3_000);
        await RefundAsync(refunded, 3_000);
        var undeclared = await GiftAsync(await DonorAsync(declaration: false), 1_000);

        var position = await Claims.PositionAsync(fundraiser, default);

        Assert.Equal([eligible], position.Eligible.Select(g => g.Gift.DonationId));
        Assert.Equal(Ineligibility.Refunded, position.Gifts.Single(g => g.Gift.DonationId == refunded).Reason);
        Assert.Equal(Ineligibility.NoDeclaration, position.Gifts.Single(g => g.Gift.DonationId == undeclared).Reason);
    }

    [Fact]
    public async Task A_confirmed_claim_holds_its_gifts_and_their_Gift_Aid_and_marks_them_claimed()
    {
        var dana = await DonorAsync();
        var gifts = new[] { await GiftAsync(dana, 5_000), await GiftAsync(dana, 1_003) };

        var claimId = await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim(gifts, AggregateSmallGifts: false), default);
        var claim = await Claims.ConfirmAsync(fundraiser, claimId, default);

        Assert.Equal(ClaimStatus.Confirmed, claim.Status);
        Assert.Equal((6_003L, 1_250L + 250L), (claim.TotalPence, claim.GiftAidPence));
        Assert.Equal(Ineligibility.AlreadyClaimed, await ReasonForAsync(gifts[0]));
        Assert.Equal(Ineligibility.AlreadyClaimed, await ReasonForAsync(gifts[1]));
    }

    [Fact]
    public async Task A_gift_cannot_be_drafted_once_it_is_claimed()
    {
        var gift = await GiftAsync(await DonorAsync(), 5_000);
        await Claims.ConfirmAsync(fundraiser, await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([gift], false), default), default);

        await Assert.ThrowsAsync<GiftAidRuleException>(() => Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([gift], false), default));
    }

    [Fact]
    public async Task Of_two_drafts_holding_the_same_gift_only_the_first_confirmed_wins()
    {
        var gift = await GiftAsync(await DonorAsync(), 5_000);
        var first = await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([gift], false), default);
        var second = await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([gift], false), default);

        await Claims.ConfirmAsync(fundraiser, first, default);

        await Assert.ThrowsAsync<GiftAidRuleException>(() => Claims.ConfirmAsync(fundraiser, second, default));
        Assert.Equal(ClaimStatus.Draft, (await Claims.LoadAsync(fundraiser, second, default)).Status);
    }

    [Fact]
    public async Task Two_confirmations_at_the_same_time_cannot_both_claim_a_gift()
    {
        var gift = await GiftAsync(await DonorAsync(), 5_000);
        var drafts = new List<Guid>();
        for (var i = 0; i < 6; i++) drafts.Add(await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([gift], false), default));

        var outcomes = await ConfirmAllAtOnceAsync(drafts);

        Assert.Single(outcomes, o => o.Confirmed is not null);
        Assert.All(outcomes.Where(o => o.Confirmed is null), o => Assert.Contains("already in a confirmed claim", o.Refusal));
        await using var session = Store.QuerySession(workspace.Id);
        Assert.Equal(1, await session.Query<GiftAidClaim>().CountAsync(c => c.Status == ClaimStatus.Confirmed));
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_claimed_row_for_a_donation()
    {
        var id = Guid.NewGuid();
        await using (var first = Store.LightweightSession(workspace.Id))
        {
            first.Insert(new ClaimedDonation { Id = id, ClaimId = Guid.NewGuid() });
            await first.SaveChangesAsync();
        }

        await using var second = Store.LightweightSession(workspace.Id);
        second.Insert(new ClaimedDonation { Id = id, ClaimId = Guid.NewGuid() });
        await Assert.ThrowsAsync<JasperFx.DocumentAlreadyExistsException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task A_gift_refunded_after_its_draft_stops_the_confirmation()
    {
        var gift = await GiftAsync(await DonorAsync(), 5_000);
        var claimId = await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([gift], false), default);
        await RefundAsync(gift, 5_000);

        await Assert.ThrowsAsync<GiftAidRuleException>(() => Claims.ConfirmAsync(fundraiser, claimId, default));
    }

    [Fact]
    public async Task A_benefit_over_the_limit_recorded_after_the_draft_stops_the_confirmation()
    {
        var gift = await GiftAsync(await DonorAsync(), 4_000);
        var claimId = await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([gift], false), default);
        await Get<RecordDonorBenefitHandler>().HandleAsync(fundraiser, new RecordDonorBenefit(gift, 1_001, "Concert tickets"), default);

        var refused = await Assert.ThrowsAsync<GiftAidRuleException>(() => Claims.ConfirmAsync(fundraiser, claimId, default));
        Assert.Contains("benefit over the limit", refused.Message);
    }

    [Fact]
    public async Task A_refund_is_paid_back_by_one_claim_only_even_when_two_drafts_carry_it()
    {
        var dana = await DonorAsync();
        var claimedGift = await GiftAsync(dana, 5_000);
        await Claims.ConfirmAsync(fundraiser, await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([claimedGift], false), default), default);
        await RefundAsync(claimedGift, 5_000);
        var first = await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([await GiftAsync(dana, 1_000)], false), default);
        var second = await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([await GiftAsync(dana, 2_000)], false), default);

        await Claims.ConfirmAsync(fundraiser, first, default);

        await Assert.ThrowsAsync<GiftAidRuleException>(() => Claims.ConfirmAsync(fundraiser, second, default));
    }

    [Fact]
    public async Task A_discarded_draft_frees_its_gifts_and_cannot_be_confirmed()
    {
        var gift = await GiftAsync(await DonorAsync(), 5_000);
        var claimId = await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([gift], false), default);

        await Claims.DiscardAsync(fundraiser, claimId, default);

        await Assert.ThrowsAsync<GiftAidRuleException>(() => Claims.ConfirmAsync(fundraiser, claimId, default));
        Assert.Null(await ReasonForAsync(gift));
    }

    [Fact]
    public async Task A_refund_after_claiming_is_due_for_adjustment_and_the_next_confirmed_claim_pays_it_back_once()
    {
        var dana = await DonorAsync();
        var claimedGift = await GiftAsync(dana, 5_000);
        var firstClaim = await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([claimedGift], false), default);
        await Claims.ConfirmAsync(fundraiser, firstClaim, default);
        await RefundAsync(claimedGift, 2_000);

        var due = (await Claims.PositionAsync(fundraiser, default)).AdjustmentsDue.Single();
        Assert.Equal((claimedGift, firstClaim, 5_000L, 2_000L, 1_250L - 750L), (due.DonationId, due.ClaimedIn, due.ClaimedAmountPence, due.RefundedPence, due.GiftAidToRepayPence));

        var next = await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([await GiftAsync(dana, 1_000)], false), default);
        var confirmed = await Claims.ConfirmAsync(fundraiser, next, default);

        Assert.Equal(500L, confirmed.RepayPence);
        Assert.Empty((await Claims.PositionAsync(fundraiser, default)).AdjustmentsDue);
    }

    [Fact]
    public async Task A_gift_refunded_in_part_before_the_claim_is_claimed_on_what_was_kept()
    {
        var gift = await GiftAsync(await DonorAsync(), 5_000);
        await RefundAsync(gift, 2_000);

        var claim = await Claims.ConfirmAsync(fundraiser, await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([gift], false), default), default);

        Assert.Equal((3_000L, 750L), (claim.TotalPence, claim.GiftAidPence));
        Assert.Equal("30.00", GiftAidSchedule.Lines(claim).Single().Amount);
        Assert.Empty((await Claims.PositionAsync(fundraiser, default)).AdjustmentsDue);
    }

    [Fact]
    public async Task A_part_refund_after_the_draft_stops_the_confirmation_because_the_amount_changed()
    {
        var gift = await GiftAsync(await DonorAsync(), 5_000);
        var claimId = await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([gift], false), default);
        await RefundAsync(gift, 1_000);

        var refused = await Assert.ThrowsAsync<GiftAidRuleException>(() => Claims.ConfirmAsync(fundraiser, claimId, default));
        Assert.Contains("refunded in part", refused.Message);
    }

    [Fact]
    public async Task Each_later_part_refund_of_a_claimed_gift_pays_back_only_its_own_share_of_the_Gift_Aid()
    {
        var dana = await DonorAsync();
        var gift = await GiftAsync(dana, 5_000);
        await RefundAsync(gift, 1_000);
        var firstClaim = await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([gift], false), default);
        await Claims.ConfirmAsync(fundraiser, firstClaim, default); // claimed on £40: £10 of Gift Aid

        await RefundAsync(gift, 2_000); // £10 more back to her
        var due = (await Claims.PositionAsync(fundraiser, default)).AdjustmentsDue.Single();
        Assert.Equal((4_000L, 1_000L, 0L, 250L), (due.ClaimedAmountPence, due.RefundedPence, due.RepaidBeforePence, due.GiftAidToRepayPence));
        var second = await Claims.ConfirmAsync(fundraiser, await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([await GiftAsync(dana, 1_000)], false), default), default);
        Assert.Equal(250L, second.RepayPence);
        Assert.Empty((await Claims.PositionAsync(fundraiser, default)).AdjustmentsDue);

        await RefundAsync(gift, 5_000); // the rest, £30, back to her
        due = (await Claims.PositionAsync(fundraiser, default)).AdjustmentsDue.Single();
        Assert.Equal((4_000L, 1_000L, 750L), (due.RefundedPence, due.RepaidBeforePence, due.GiftAidToRepayPence));
        var third = await Claims.ConfirmAsync(fundraiser, await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([await GiftAsync(dana, 1_000)], false), default), default);
        Assert.Equal(750L, third.RepayPence);
        Assert.Empty((await Claims.PositionAsync(fundraiser, default)).AdjustmentsDue);
        // £10 claimed, £2.50 and £7.50 paid back: nothing over-claimed, nothing paid back twice.
        Assert.Equal(1_000L, second.RepayPence + third.RepayPence);
    }

    [Fact]
    public async Task The_migration_turns_a_refund_marked_repaid_before_it_into_the_repayment_the_code_would_write()
    {
        var dana = await DonorAsync();
        var gift = await GiftAsync(dana, 5_000);
        await Claims.ConfirmAsync(fundraiser, await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([gift], false), default), default);
        await RefundAsync(gift, 2_000);
        var repaidIn = await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([await GiftAsync(dana, 1_000)], false), default);
        await Claims.ConfirmAsync(fundraiser, repaidIn, default);
        var written = await RepaymentsAsync();

        // As the data stood before 0017: no repayment row, the claimed gift marked with the claim that repaid it.
        var migration = await File.ReadAllTextAsync(RepositoryRoot.Combine("migrations", "0017_gift_aid_repayments.sql"));
        var start = migration.IndexOf("insert into cms.mt_doc_giftaidrepayment", StringComparison.Ordinal);
        var backfill = migration[start..(migration.IndexOf("on conflict do nothing;", start, StringComparison.Ordinal) + "on conflict do nothing;".Length)];
        await using (var connection = new Npgsql.NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var before = new Npgsql.NpgsqlCommand(
                "delete from cms.mt_doc_giftaidrepayment; update cms.mt_doc_claimeddonation set data = data - 'refundedBeforePence' || jsonb_build_object('adjustedInClaimId', @claim) where id = @gift", connection);
            before.Parameters.AddWithValue("claim", repaidIn);
            before.Parameters.AddWithValue("gift", gift);
            await before.ExecuteNonQueryAsync();
            Assert.Empty(await RepaymentsAsync());
            await using var again = new Npgsql.NpgsqlCommand(backfill, connection);
            Assert.Equal(1, await again.ExecuteNonQueryAsync());
        }

        Assert.Equal(written, await RepaymentsAsync());
        Assert.Empty((await Claims.PositionAsync(fundraiser, default)).AdjustmentsDue);
    }

    private async Task<IReadOnlyList<(Guid Id, Guid DonationId, Guid ClaimId, long RefundedPence)>> RepaymentsAsync()
    {
        await using var session = Store.QuerySession(workspace.Id);
        return (await session.Query<GiftAidRepayment>().ToListAsync()).Select(r => (r.Id, r.DonationId, r.ClaimId, r.RefundedPence)).ToList();
    }

    [Fact]
    public async Task Two_confirmations_at_the_same_time_cannot_both_pay_back_the_same_refund()
    {
        var dana = await DonorAsync();
        var claimedGift = await GiftAsync(dana, 5_000);
        await Claims.ConfirmAsync(fundraiser, await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([claimedGift], false), default), default);
        await RefundAsync(claimedGift, 5_000);
        var drafts = new List<Guid>();
        for (var i = 0; i < 6; i++) drafts.Add(await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([await GiftAsync(dana, 1_000 + i)], false), default));

        var outcomes = await ConfirmAllAtOnceAsync(drafts);

        Assert.Equal([1_250L], outcomes.Where(o => o.Confirmed is not null).Select(o => o.Confirmed!.RepayPence));
        Assert.All(outcomes.Where(o => o.Confirmed is null), o => Assert.Contains("paid back in another claim", o.Refusal));
        await using var session = Store.QuerySession(workspace.Id);
        Assert.Equal(1, await session.Query<GiftAidRepayment>().CountAsync());
    }

    [Fact]
    public async Task A_recorded_benefit_over_the_limit_makes_the_gift_unclaimable()
    {
        var gift = await GiftAsync(await DonorAsync(), 4_000);
        var benefits = Get<RecordDonorBenefitHandler>();

        await benefits.HandleAsync(fundraiser, new RecordDonorBenefit(gift, 1_000, "Gala dinner ticket"), default);
        Assert.Null(await ReasonForAsync(gift));
        await benefits.HandleAsync(fundraiser, new RecordDonorBenefit(gift, 1, "Programme"), default);
        Assert.Equal(Ineligibility.BenefitOverLimit, await ReasonForAsync(gift));
    }

    [Fact]
    public async Task A_benefit_needs_a_value_and_a_description()
    {
        var gift = await GiftAsync(await DonorAsync(), 4_000);

        await Assert.ThrowsAsync<ValidationException>(() => Get<RecordDonorBenefitHandler>().HandleAsync(fundraiser, new RecordDonorBenefit(gift, 0, " "), default));
    }

    [Fact]
    public async Task A_claim_needs_at_least_one_gift()
    {
        await Assert.ThrowsAsync<ValidationException>(() => Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([], false), default));
    }

    [Theory]
    [InlineData(WorkspaceRole.Caseworker)]
    [InlineData(WorkspaceRole.Manager)]
    public async Task Casework_roles_can_do_nothing_with_Gift_Aid(WorkspaceRole role)
    {
        var gift = await GiftAsync(await DonorAsync(), 5_000);
        var claimId = await Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([gift], false), default);
        var other = await workspace.AccessAsync(role);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Claims.PositionAsync(other, default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Claims.ListAsync(other, default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Claims.LoadAsync(other, claimId, default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Claims.DraftAsync(other, new DraftGiftAidClaim([gift], false), default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Claims.ConfirmAsync(other, claimId, default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Claims.DiscardAsync(other, claimId, default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Get<RecordDonorBenefitHandler>().HandleAsync(other, new RecordDonorBenefit(gift, 100, "Mug"), default));
    }

    [Fact]
    public async Task A_workspace_admin_may_claim()
    {
        var gift = await GiftAsync(await DonorAsync(), 5_000);
        var admin = await workspace.AccessAsync(WorkspaceRole.WorkspaceAdmin);

        var claim = await Claims.ConfirmAsync(admin, await Claims.DraftAsync(admin, new DraftGiftAidClaim([gift], false), default), default);

        Assert.Equal(ClaimStatus.Confirmed, claim.Status);
    }

    [Fact]
    public async Task Another_workspaces_gifts_and_claims_are_out_of_reach()
    {
        var elsewhere = await TestWorkspace.CreateAsync(Store);
        var theirFundraiser = await elsewhere.AccessAsync(WorkspaceRole.Fundraiser);
        var theirGift = await GiftAsync(await DonorAsync(workspaceId: elsewhere.Id), 5_000, elsewhere.Id);
        var theirClaim = await Claims.DraftAsync(theirFundraiser, new DraftGiftAidClaim([theirGift], false), default);

        Assert.Empty((await Claims.PositionAsync(fundraiser, default)).Gifts);
        await Assert.ThrowsAsync<GiftAidRuleException>(() => Claims.DraftAsync(fundraiser, new DraftGiftAidClaim([theirGift], false), default));
        await Assert.ThrowsAsync<GiftAidClaimNotFoundException>(() => Claims.LoadAsync(fundraiser, theirClaim, default));
        await Assert.ThrowsAsync<GiftAidClaimNotFoundException>(() => Claims.ConfirmAsync(fundraiser, theirClaim, default));
    }
}
