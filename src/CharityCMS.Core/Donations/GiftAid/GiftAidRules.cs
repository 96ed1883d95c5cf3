namespace CharityCMS.Donations.GiftAid;

/// <summary>Why a gift cannot be claimed. The first that applies is given, in this order.</summary>
public enum Ineligibility
{
    NotReceived,
    NotInPounds,
    Refunded,
    AlreadyClaimed,
    NoDeclaration,
    BenefitOverLimit,
    BenefitsOverYearLimit,
}

/// <summary>What the rules need to know about one gift, read from its <see cref="Donation"/>.</summary>
public sealed record GiftFacts(Guid DonationId, Guid DonorId, DateOnly? GivenOn, long AmountPence, string Currency, long RefundedPence, long BenefitPence, bool IsClaimed)
{
    /// <summary>
    /// What the charity kept: a gift refunded in part is a gift of the rest, and only the rest can
    /// carry Gift Aid.
    /// </summary>
    public long KeptPence => Math.Max(0, AmountPence - RefundedPence);

    public static GiftFacts Of(Donation donation, bool isClaimed) => new(donation.Id, donation.DonorId,
        donation.ReceivedAt is { } at ? UkCalendar.DateOf(at) : null, donation.AmountPence, donation.Currency, donation.RefundedPence, donation.BenefitPence, isClaimed);
}

/// <summary>A gift judged: claimable (with the declaration that covers it) or not, and why.</summary>
public sealed record GiftAssessment(GiftFacts Gift, GiftAidDeclaration? Declaration, Ineligibility? Reason)
{
    public bool IsEligible => Reason is null;
}

/// <summary>
/// HMRC's Gift Aid rules as pure code: what a donor may receive for a gift, which gifts may be
/// claimed, and what a claim is worth. Amounts are whole pence so no rule ever rounds twice.
/// </summary>
public static class GiftAidRules
{
    public const long AnnualBenefitLimitPence = 250_000;
    public const long SmallGiftLimitPence = 2_000;
    public const long AggregatedLineLimitPence = 100_000;

    /// <summary>The most a donor may receive for a gift: 25% of it up to £100; £25 plus 5% of what is above £100.</summary>
    public static long BenefitLimitFor(long giftPence) =>
        giftPence <= 10_000 ? giftPence / 4 : 2_500 + (giftPence - 10_000) / 20;

    /// <summary>
    /// Whether a benefit is within the limit for the gift, compared exactly rather than against a
    /// rounded limit (a £10.01 gift allows £2.5025, so £2.50 is in and £2.51 is not).
    /// </summary>
    public static bool BenefitWithinLimit(long giftPence, long benefitPence) =>
        giftPence <= 10_000 ? benefitPence * 4 <= giftPence : benefitPence * 20 <= 50_000 + (giftPence - 10_000);

    /// <summary>Basic rate tax on the gift: 25p for each pound given, rounded down to the penny.</summary>
    public static long GiftAidOn(long giftPence) => giftPence / 4;

    /// <summary>The UK tax year a day falls in, named by the year it starts (6 April to 5 April).</summary>
    public static int TaxYearOf(DateOnly day) => day >= new DateOnly(day.Year, 4, 6) ? day.Year : day.Year - 1;

    /// <summary>
    /// Judges every gift. The year limit counts all benefits a donor received in a tax year, in the
    /// order of her gifts: the gift whose benefit takes her over £2,500, and every later gift with a
    /// benefit that year, cannot be claimed.
    /// </summary>
    public static IReadOnlyList<GiftAssessment> Assess(IEnumerable<GiftFacts> gifts, IReadOnlyDictionary<Guid, Donor> donors)
    {
        var benefitsInYear = new Dictionary<(Guid Donor, int Year), long>();
        var assessed = new List<GiftAssessment>();
        foreach (var gift in gifts.OrderBy(g => g.GivenOn).ThenBy(g => g.DonationId))
        {
            var declaration = gift.GivenOn is { } on ? donors.GetValueOrDefault(gift.DonorId)?.DeclarationCovering(on) : null;
            var overYear = false;
            if (gift.GivenOn is { } day && gift.BenefitPence > 0)
            {
                var key = (gift.DonorId, TaxYearOf(day));
                var total = benefitsInYear.GetValueOrDefault(key) + gift.BenefitPence;
                benefitsInYear[key] = total;
                overYear = total > AnnualBenefitLimitPence;
            }
            Ineligibility? reason = gift switch
            {
                { GivenOn: null } => Ineligibility.NotReceived,
                _ when !string.Equals(gift.Currency, "gbp", StringComparison.OrdinalIgnoreCase) => Ineligibility.NotInPounds,
                { KeptPence: 0 } => Ineligibility.Refunded,
                { IsClaimed: true } => Ineligibility.AlreadyClaimed,
                _ when declaration is null => Ineligibility.NoDeclaration,
                _ when !BenefitWithinLimit(gift.KeptPence, gift.BenefitPence) => Ineligibility.BenefitOverLimit,
                _ when overYear => Ineligibility.BenefitsOverYearLimit,
                _ => null,
            };
            assessed.Add(new GiftAssessment(gift, reason is null ? declaration : null, reason));
        }
        return assessed;
    }

    public static string Describe(Ineligibility reason) => reason switch
    {
        Ineligibility.NotReceived => "The payment has not reached the charity.",
        Ineligibility.NotInPounds => "Not given in pounds sterling.",
        Ineligibility.Refunded => "Refunded in full.",
        Ineligibility.AlreadyClaimed => "Already in a confirmed claim.",
        Ineligibility.NoDeclaration => "No Gift Aid declaration covers the day it was given.",
        Ineligibility.BenefitOverLimit => "The donor received a benefit over the limit for this gift.",
        Ineligibility.BenefitsOverYearLimit => "The donor's benefits this tax year are over £2,500.",
        _ => reason.ToString(),
    };
}
