using System.Globalization;
using CharityCMS.Clients;
using CharityCMS.Referrals;

namespace CharityCMS.Web.Referrals;

/// <summary>
/// What the public form posts: plain fields, bound from the form on the server and turned into the
/// command. Nothing here is ever logged.
/// </summary>
public sealed class SelfReferralForm
{
    public string? Name { get; set; }

    // Kept as typed (the browser's date and number inputs send text), so a value that is not a
    // date or a number is shown back with a message rather than silently dropped.
    public string? DateOfBirth { get; set; }
    public string? Age { get; set; }

    public string? Phone { get; set; }
    public bool SafeToCall { get; set; }
    public bool SafeForVoicemail { get; set; }
    public bool SafeForText { get; set; }

    public string? Email { get; set; }
    public bool EmailSafe { get; set; }

    public string? SafeTimes { get; set; }

    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public bool SafeToWrite { get; set; }

    public string? Reason { get; set; }
    public bool Consent { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by robots.</summary>
    public string? Website { get; set; }

    public bool IsFromARobot => !string.IsNullOrEmpty(Website);

    private bool HasAddress => !string.IsNullOrWhiteSpace(Line1) || !string.IsNullOrWhiteSpace(Town) || !string.IsNullOrWhiteSpace(Postcode);

    private DateOnly? ParsedDateOfBirth =>
        DateOnly.TryParseExact(DateOfBirth?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private int? ParsedAge => int.TryParse(Age?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var age) ? age : null;

    /// <summary>Messages for a date of birth or an age that could not be read, by field.</summary>
    public Dictionary<string, string> FormatErrors()
    {
        var errors = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(DateOfBirth) && ParsedDateOfBirth is null) errors[nameof(DateOfBirth)] = "Enter your date of birth as a date, or leave it empty.";
        if (!string.IsNullOrWhiteSpace(Age) && ParsedAge is null) errors[nameof(Age)] = "Enter your age as a number, like 34, or leave it empty.";
        return errors;
    }

    public SubmitSelfReferral ToCommand() => new(
        new ReferredPerson(
            Name ?? "",
            ParsedDateOfBirth,
            ParsedAge,
            new ClientContactDetails(
                string.IsNullOrWhiteSpace(Phone) ? [] : [new PhoneNumber(Phone, "Her number", SafeToCall, SafeForVoicemail, SafeForText)],
                string.IsNullOrWhiteSpace(Email) ? null : new EmailContact(Email, EmailSafe),
                SafeTimes),
            HasAddress ? new PostalAddress(Line1 ?? "", Line2, Town ?? "", Postcode ?? "", DoNotDisclose: false) : null,
            HasAddress && SafeToWrite),
        Reason,
        Consent);

    /// <summary>The command's property paths, as the validator names them, mapped to this form's fields.</summary>
    public static string FieldFor(string propertyName) => propertyName switch
    {
        "Person.Name" => nameof(Name),
        "Person.DateOfBirth" => nameof(DateOfBirth),
        "Person.ApproximateAge" => nameof(Age),
        "Person.Contact.Phones[0].Number" => nameof(Phone),
        "Person.Contact.Phones[0].SafeForVoicemail" => nameof(SafeForVoicemail),
        "Person.Contact.Email.Address" => nameof(Email),
        "Person.Contact.SafeContactNotes" => nameof(SafeTimes),
        "Person.Contact" => "SafeWay",
        "Person.Address.Line1" => nameof(Line1),
        "Person.Address.Line2" => nameof(Line2),
        "Person.Address.Town" => nameof(Town),
        "Person.Address.Postcode" => nameof(Postcode),
        "Reason" => nameof(Reason),
        "ConsentToContact" => nameof(Consent),
        _ => "Form",
    };
}
