using CharityCMS.Donations;

namespace CharityCMS.Web.Donations;

/// <summary>
/// What the public donation page posts, bound on the server. An amount chosen from the presets or
/// typed in "Other amount" becomes the one amount the rules check. Nothing here is ever logged.
/// </summary>
public sealed class DonationPageForm
{
    public const string OtherChoice = "other";

    /// <summary>A preset amount in pounds, or <see cref="OtherChoice"/>.</summary>
    public string? Choice { get; set; }
    public string? OtherAmount { get; set; }

    /// <summary>"monthly" or "once".</summary>
    public string? Frequency { get; set; }
    public string? Campaign { get; set; }

    public bool GiftAid { get; set; }
    public string? Title { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? HouseNameOrNumber { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    public bool TaxpayerStatement { get; set; }

    public string? Email { get; set; }
    public bool EmailConsent { get; set; }

    public bool IsMonthly => Frequency == "monthly";

    // Without script the "Other amount" box can be filled with a preset still chosen: what she typed wins.
    private string? Amount => string.IsNullOrWhiteSpace(Choice) || Choice == OtherChoice || !string.IsNullOrWhiteSpace(OtherAmount) ? OtherAmount : Choice;

    public DonationForm ToForm() => new()
    {
        Amount = Amount,
        Monthly = IsMonthly,
        Campaign = Campaign,
        GiftAid = GiftAid,
        Title = Title,
        FirstName = FirstName,
        LastName = LastName,
        HouseNameOrNumber = HouseNameOrNumber,
        Address = Address,
        Postcode = Postcode,
        TaxpayerStatement = TaxpayerStatement,
        Email = Email,
        EmailConsent = EmailConsent,
    };
}
