using CharityCMS.Donations;
using CharityCMS.Donations.GiftAid;

namespace CharityCMS.Core.Tests.Donations.GiftAid;

/// <summary>HMRC's rules as pure code: benefit limits, which gifts can be claimed and why not, what a claim is worth.</summary>
public class GiftAidRulesTests
{
    static readonly Guid DonorId = Guid.NewGuid();
    static readonly GiftAidDeclarant Dana = new("Ms", "Dana", "Donor", "12", "High Street, Leeds", "LS1 4AB");

    static Donor DonorWith(params GiftAidDeclaration[] declarations) => new() { Id = DonorId, Declarations = [.. declarations] };

    static GiftAidDeclaration Declaration(DateOnly madeOn, DateOnly? cancelledOn = null) => new(Guid.NewGuid(), Dana, DeclarationMethod.Online, madeOn, cancelledOn);

    static GiftFacts Gift(DateOnly? on, long pence = 5_000, long refunded = 0, long benefit = 0, bool claimed = false, string currency = "gbp") =>
        new(Guid.NewGuid(), DonorId, on, pence, currency, refunded, benefit, claimed);

    static Ineligibility? ReasonFor(GiftFacts gift, Donor donor) =>
        GiftAidRules.Assess([gift], new Dictionary<Guid, Donor> { [DonorId] = donor }).Single().Reason;

    [Theory]
    [InlineData(1_000, 250)]      // £10: 25%
    [InlineData(10_000, 2_500)]   // £100: 25%, the last gift measured that way
    [InlineData(10_001, 2_500)]   // £100.01: £25 + 5% of 1p
    [InlineData(20_000, 3_000)]   // £200: £25 + 5% of £100
    [InlineData(1_000_000, 52_000)] // £10,000: £25 + 5% of £9,900
    public void The_benefit_limit_is_a_quarter_up_to_100_pounds_then_25_pounds_and_5_percent_of_the_excess(long gift, long limit) =>
        Assert.Equal(limit, GiftAidRules.BenefitLimitFor(gift));

    [Theory]
    [InlineData(1_000, 250, true)]
    [InlineData(1_000, 251, false)]
    [InlineData(1_001, 250, true)]    // limit £2.5025
    [InlineData(1_001, 251, false)]
    [InlineData(10_000, 2_500, true)]
    [InlineData(10_000, 2_501, false)]
    [InlineData(20_000, 3_000, true)]
    [InlineData(20_000, 3_001, false)]
    [InlineData(10_020, 2_501, true)] // £25 + 5% of 20p = £25.01
    [InlineData(10_020, 2_502, false)]
    public void A_benefit_is_within_the_limit_only_up_to_the_exact_limit(long gift, long benefit, bool within) =>
        Assert.Equal(within, GiftAidRules.BenefitWithinLimit(gift, benefit));

    [Theory]
    [InlineData(1_000, 250)]
    [InlineData(1_001, 250)]
    [InlineData(1_003, 250)]
    [InlineData(1_004, 251)]
    [InlineData(1, 0)]
    public void Gift_Aid_is_a_quarter_of_the_gift_rounded_down_to_the_penny(long gift, long giftAid) =>
        Assert.Equal(giftAid, GiftAidRules.GiftAidOn(gift));

    [Theory]
    [InlineData("2026-04-05", 2025)]
    [InlineData("2026-04-06", 2026)]
    [InlineData("2027-01-31", 2026)]
    public void The_tax_year_runs_from_6_April_to_5_April(string day, int year) =>
        Assert.Equal(year, GiftAidRules.TaxYearOf(DateOnly.Parse(day)));

    [Fact]
    public void A_received_gift_in_pounds_covered_by_a_declaration_is_claimable_with_that_declaration()
    {
        var declaration = Declaration(new DateOnly(2026, 5, 1));
        var assessed = GiftAidRules.Assess([Gift(new DateOnly(2026, 6, 1))], new Dictionary<Guid, Donor> { [DonorId] = DonorWith(declaration) }).Single();

        Assert.True(assessed.IsEligible);
        Assert.Equal(declaration, assessed.Declaration);
    }

    [Fact]
    public void A_declaration_covers_gifts_of_the_four_years_before_it_was_made() =>
        Assert.Null(ReasonFor(Gift(new DateOnly(2022, 5, 1)), DonorWith(Declaration(new DateOnly(2026, 5, 1)))));

    [Fact]
    public void A_gift_before_the_four_years_has_no_declaration() =>
        Assert.Equal(Ineligibility.NoDeclaration, ReasonFor(Gift(new DateOnly(2022, 4, 30)), DonorWith(Declaration(new DateOnly(2026, 5, 1)))));

    [Fact]
    public void A_donor_without_a_declaration_gives_nothing_to_claim() =>
        Assert.Equal(Ineligibility.NoDeclaration, ReasonFor(Gift(new DateOnly(2026, 6, 1)), DonorWith()));

    [Fact]
    public void A_cancelled_declaration_stops_claims_from_the_cancellation_day()
    {
        var donor = DonorWith(Declaration(new DateOnly(2026, 1, 1), cancelledOn: new DateOnly(2026, 6, 1)));

        Assert.Null(ReasonFor(Gift(new DateOnly(2026, 5, 31)), donor));
        Assert.Equal(Ineligibility.NoDeclaration, ReasonFor(Gift(new DateOnly(2026, 6, 1)), donor));
        Assert.Equal(Ineligibility.NoDeclaration, ReasonFor(Gift(new DateOnly(2026, 7, 1)), donor));
    }

    [Fact]
    public void A_gift_is_judged_on_its_London_date()
    {
        // 23:30 UTC on 31 May in summer is 00:30 on 1 June in London: the cancellation day.
        var donation = new Donation { Id = Guid.NewGuid(), DonorId = DonorId, AmountPence = 1_000, ReceivedAt = new DateTimeOffset(2026, 5, 31, 23, 30, 0, TimeSpan.Zero) };
        var donor = DonorWith(Declaration(new DateOnly(2026, 1, 1), cancelledOn: new DateOnly(2026, 6, 1)));

        Assert.Equal(Ineligibility.NoDeclaration, ReasonFor(GiftFacts.Of(donation, isClaimed: false), donor));
    }

    [Fact]
    public void A_payment_not_yet_received_cannot_be_claimed() =>
        Assert.Equal(Ineligibility.NotReceived, ReasonFor(Gift(null, refunded: 5_000), DonorWith(Declaration(new DateOnly(2026, 1, 1)))));

    [Fact]
    public void A_gift_refunded_in_full_cannot_be_claimed() =>
        Assert.Equal(Ineligibility.Refunded, ReasonFor(Gift(new DateOnly(2026, 6, 1), refunded: 5_000), DonorWith(Declaration(new DateOnly(2026, 1, 1)))));

    [Fact]
    public void A_gift_refunded_in_part_is_claimable_on_what_the_charity_kept()
    {
        var gift = Gift(new DateOnly(2026, 6, 1), pence: 5_000, refunded: 2_000);

        Assert.Null(ReasonFor(gift, DonorWith(Declaration(new DateOnly(2026, 1, 1)))));
        Assert.Equal(3_000, gift.KeptPence);
        Assert.Equal(750, GiftAidRules.GiftAidOn(gift.KeptPence));
    }

    [Theory]
    [InlineData(0, true)]      // £40 gift: £10 benefit is within 25%
    [InlineData(1_000, false)] // £30 kept: £10 is over its £7.50 limit
    public void The_benefit_limit_is_judged_against_what_the_charity_kept(long refunded, bool claimable) =>
        Assert.Equal(claimable, ReasonFor(Gift(new DateOnly(2026, 6, 1), pence: 4_000, refunded: refunded, benefit: 1_000), DonorWith(Declaration(new DateOnly(2026, 1, 1)))) is null);

    [Fact]
    public void A_gift_already_claimed_cannot_be_claimed_again() =>
        Assert.Equal(Ineligibility.AlreadyClaimed, ReasonFor(Gift(new DateOnly(2026, 6, 1), claimed: true), DonorWith(Declaration(new DateOnly(2026, 1, 1)))));

    [Fact]
    public void A_gift_in_another_currency_cannot_be_claimed() =>
        Assert.Equal(Ineligibility.NotInPounds, ReasonFor(Gift(new DateOnly(2026, 6, 1), currency: "eur"), DonorWith(Declaration(new DateOnly(2026, 1, 1)))));

    [Theory]
    [InlineData(5_000, 1_250, null)]
    [InlineData(5_000, 1_251, Ineligibility.BenefitOverLimit)]
    [InlineData(20_000, 3_000, null)]
    [InlineData(20_000, 3_001, Ineligibility.BenefitOverLimit)]
    public void A_benefit_over_the_limit_makes_the_gift_unclaimable(long gift, long benefit, Ineligibility? reason) =>
        Assert.Equal(reason, ReasonFor(Gift(new DateOnly(2026, 6, 1), gift, benefit: benefit), DonorWith(Declaration(new DateOnly(2026, 1, 1)))));

    [Fact]
    public void Benefits_over_2500_pounds_in_a_tax_year_stop_the_gift_that_crosses_it_and_later_ones_with_a_benefit()
    {
        var donor = DonorWith(Declaration(new DateOnly(2020, 1, 1)));
        // £10,000 gifts allow £520 each; five of them take her to £2,600 in the 2026 tax year.
        var gifts = Enumerable.Range(0, 5).Select(i => Gift(new DateOnly(2026, 5, 1 + i), 1_000_000, benefit: 52_000)).ToList();
        var noBenefit = Gift(new DateOnly(2026, 6, 1), 1_000_000);
        var nextYear = Gift(new DateOnly(2027, 4, 6), 1_000_000, benefit: 52_000);

        var reasons = GiftAidRules.Assess([.. gifts, noBenefit, nextYear], new Dictionary<Guid, Donor> { [DonorId] = donor })
            .ToDictionary(a => a.Gift.DonationId, a => a.Reason);

        Assert.Equal([null, null, null, null, Ineligibility.BenefitsOverYearLimit], gifts.Select(g => reasons[g.DonationId]));
        Assert.Null(reasons[noBenefit.DonationId]);
        Assert.Null(reasons[nextYear.DonationId]);
    }

    [Fact]
    public void Every_reason_has_words_for_the_fundraiser() =>
        Assert.All(Enum.GetValues<Ineligibility>(), r => Assert.EndsWith(".", GiftAidRules.Describe(r)));
}
