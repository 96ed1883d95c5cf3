using System.Globalization;
using System.Text;

namespace CharityCMS.Donations.GiftAid;

/// <summary>One line of HMRC's Charities Online schedule, every field as the text HMRC accepts.</summary>
public sealed record ScheduleLine(
    string Title,
    string FirstName,
    string LastName,
    string HouseNameOrNumber,
    string Postcode,
    string AggregatedDonations,
    string SponsoredEvent,
    string DonationDate,
    string Amount);

/// <summary>
/// A claim as the lines of HMRC's Charities Online Gift Aid schedule: one line per gift, or, when the
/// fundraiser chose it, gifts of £20 or less on aggregated lines of at most £1,000 with no name or
/// address. Fields longer than HMRC allows are cut, and a title HMRC would refuse is left out.
/// </summary>
public static class GiftAidSchedule
{
    public const int TitleLength = 4;
    public const int NameLength = 35;
    public const int HouseLength = 40;
    public const int AggregatedLength = 35;
    public const string DateFormat = "dd/MM/yy";
    public const string AggregatedDescription = "Small one-off donations";

    public static readonly IReadOnlyList<string> Headings =
    [
        "Title", "First name or initial", "Last name", "House name or number", "Postcode",
        "Aggregated donations", "Sponsored event", "Donation date", "Amount",
    ];

    public static IReadOnlyList<ScheduleLine> Lines(GiftAidClaim claim)
    {
        var ordered = claim.Gifts.OrderBy(g => g.GivenOn).ThenBy(g => g.DonationId).ToList();
        var aggregated = claim.AggregateSmallGifts ? ordered.Where(g => g.AmountPence <= GiftAidRules.SmallGiftLimitPence).ToList() : [];
        var lines = ordered.Except(aggregated).Select(Individual).ToList();
        lines.AddRange(AggregatedLines(aggregated));
        return lines;
    }

    static ScheduleLine Individual(ClaimGift gift)
    {
        var d = gift.Declarant;
        return new ScheduleLine(TitleOf(d.Title), Cut(d.FirstName, NameLength), Cut(d.LastName, NameLength), Cut(d.HouseNameOrNumber, HouseLength),
            PostcodeOf(d.Postcode), "", "", Date(gift.GivenOn), Amount(gift.AmountPence));
    }

    /// <summary>Small gifts in date order, filled into lines until the next would take a line over £1,000.</summary>
    static IEnumerable<ScheduleLine> AggregatedLines(IReadOnlyList<ClaimGift> gifts)
    {
        var line = new List<ClaimGift>();
        foreach (var gift in gifts)
        {
            if (line.Count > 0 && line.Sum(g => g.AmountPence) + gift.AmountPence > GiftAidRules.AggregatedLineLimitPence)
            {
                yield return Aggregated(line);
                line = [];
            }
            line.Add(gift);
        }
        if (line.Count > 0) yield return Aggregated(line);
    }

    static ScheduleLine Aggregated(IReadOnlyList<ClaimGift> gifts) =>
        new("", "", "", "", "", Cut($"{AggregatedDescription} ({gifts.Count})", AggregatedLength), "", Date(gifts.Max(g => g.GivenOn)), Amount(gifts.Sum(g => g.AmountPence)));

    public static string Date(DateOnly day) => day.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string Amount(long pence) => (pence / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    // A title cut short ("Reve" for "Reverend") would be wrong on HMRC's records: better none.
    static string TitleOf(string? title) => title?.Trim() is { Length: > 0 and <= TitleLength } t ? t : "";

    // HMRC asks for "X" where the donor lives outside the UK; a UK postcode goes in its Royal Mail form.
    static string PostcodeOf(string postcode) => UkPostcode.IsValid(postcode) ? UkPostcode.Format(postcode) : "X";

    static string Cut(string text, int length)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= length ? trimmed : trimmed[..length].TrimEnd(' ', ',');
    }
}
