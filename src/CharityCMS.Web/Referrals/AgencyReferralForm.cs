using CharityCMS.Clients;
using CharityCMS.Referrals;
using CharityCMS.Risk;
using CharityCMS.Web.Clients;

namespace CharityCMS.Web.Referrals;

/// <summary>What the "record a referral" form edits, turned into <see cref="ReceiveReferral"/> on submit.</summary>
public sealed class AgencyReferralForm
{
    public ReferralSource Source { get; set; } = ReferralSource.Police;
    public string Organisation { get; set; } = "";
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public DateTime? ReceivedOn { get; set; }
    public TimeSpan? ReceivedTime { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>Null: not known.</summary>
    public RiskLevel? KnownRisk { get; set; }

    public bool ConsentToContact { get; set; }

    public string Name { get; set; } = "";
    public bool DateOfBirthUnknown { get; set; }
    public DateTime? DateOfBirth { get; set; }
    public int? ApproximateAge { get; set; }
    public List<PhoneRow> Phones { get; set; } = [new()];
    public string? Email { get; set; }
    public bool EmailSafe { get; set; }
    public string? SafeContactNotes { get; set; }

    public bool HasAddress { get; set; }
    public string Line1 { get; set; } = "";
    public string? Line2 { get; set; }
    public string Town { get; set; } = "";
    public string Postcode { get; set; } = "";
    public bool DoNotDisclose { get; set; }
    public bool SafeToWrite { get; set; }

    public static AgencyReferralForm StartingAt(DateTimeOffset now)
    {
        var london = UkCalendar.ToLondon(now);
        return new AgencyReferralForm { ReceivedOn = london.Date, ReceivedTime = new TimeSpan(london.Hour, london.Minute, 0) };
    }

    public ReceiveReferral ToCommand() => new(
        Source,
        new Referrer(Organisation, ContactName, ContactPhone, ContactEmail),
        ReceivedOn is { } day ? UkCalendar.At(DateOnly.FromDateTime(day), TimeOnly.FromTimeSpan(ReceivedTime ?? TimeSpan.FromHours(9))) : default,
        Reason,
        KnownRisk,
        ConsentToContact,
        new ReferredPerson(
            Name,
            DateOfBirthUnknown || DateOfBirth is null ? null : DateOnly.FromDateTime(DateOfBirth.Value),
            DateOfBirthUnknown ? ApproximateAge : null,
            new ClientContactDetails(
                Phones.Where(p => !p.IsBlank).Select(p => p.ToPhoneNumber()).ToList(),
                string.IsNullOrWhiteSpace(Email) ? null : new EmailContact(Email, EmailSafe),
                SafeContactNotes),
            HasAddress ? new PostalAddress(Line1, Line2, Town, Postcode, DoNotDisclose) : null,
            HasAddress && SafeToWrite && !DoNotDisclose));

    public int CommandIndexOf(PhoneRow row) => Phones.Where(p => !p.IsBlank).ToList().IndexOf(row);
}
