using System.Globalization;
using CharityCMS.Donations.GiftAid;

namespace CharityCMS.Web.Donations;

/// <summary>How the Gift Aid pages say amounts and states.</summary>
public static class GiftAidWords
{
    public static string Pounds(long pence) => (pence / 100m).ToString("£#,##0.00", CultureInfo.InvariantCulture);

    public static string Status(ClaimStatus status) => status switch
    {
        ClaimStatus.Draft => "Draft: not yet confirmed",
        ClaimStatus.Confirmed => "Confirmed",
        _ => "Discarded",
    };

    public static readonly (string Text, string Href) Crumb = ("Gift Aid", "/giftaid");
}
