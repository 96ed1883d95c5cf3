using System.Text.Json.Serialization;

namespace CharityCMS.Clients;

/// <summary>Who the client is. A date of birth, when known, takes the place of an approximate age.</summary>
public sealed record ClientPersonalDetails(
    string LegalName,
    string? PreferredName,
    DateOnly? DateOfBirth,
    int? ApproximateAge,
    string? Pronouns,
    string PreferredLanguage,
    bool InterpreterNeeded)
{
    [JsonIgnore]
    public string DisplayName => string.IsNullOrWhiteSpace(PreferredName) ? LegalName : PreferredName;

    internal ClientPersonalDetails Normalised() => this with
    {
        LegalName = Text.Tidy(LegalName),
        PreferredName = Text.TidyOrNull(PreferredName),
        Pronouns = Text.TidyOrNull(Pronouns),
        PreferredLanguage = Text.Tidy(PreferredLanguage),
        ApproximateAge = DateOfBirth is null ? ApproximateAge : null,
    };
}

/// <summary>
/// A phone number and what is safe to do with it. A number the perpetrator may see or answer is
/// recorded as unsafe, so nobody calls, texts or leaves a voicemail on it.
/// </summary>
public sealed record PhoneNumber(string Number, string? Label, bool SafeToCall, bool SafeForVoicemail, bool SafeForText)
{
    /// <summary>Digits only, UK numbers in their national form (07700 900123), so a search matches however the number was typed.</summary>
    [JsonIgnore]
    public string SearchDigits => PhoneDigits.Normalise(Number);

    internal PhoneNumber Normalised() => this with { Number = Text.Tidy(Number), Label = Text.TidyOrNull(Label) };
}

public sealed record EmailContact(string Address, bool IsSafe)
{
    internal EmailContact Normalised() => this with { Address = Text.Tidy(Address) };
}

/// <summary>How the client may be reached. A safe-contact note says anything the flags cannot (safe times, a code word).</summary>
public sealed record ClientContactDetails(IReadOnlyList<PhoneNumber> Phones, EmailContact? Email, string? SafeContactNotes)
{
    public static readonly ClientContactDetails None = new([], null, null);

    internal ClientContactDetails Normalised() => new(
        Phones.Select(p => p.Normalised()).ToList(),
        Email is null || string.IsNullOrWhiteSpace(Email.Address) ? null : Email.Normalised(),
        Text.TidyOrNull(SafeContactNotes, keepLineBreaks: true));

    // Records compare lists by reference; two contact details are the same when their numbers are.
    public bool Equals(ClientContactDetails? other) =>
        other is not null && Phones.SequenceEqual(other.Phones) && Equals(Email, other.Email) && SafeContactNotes == other.SafeContactNotes;

    public override int GetHashCode() => HashCode.Combine(Phones.Count, Email, SafeContactNotes);
}

/// <summary>
/// A postal address. "Do not disclose" (an address the perpetrator must not learn) and a refuge
/// address are both confidential: hidden on every screen and never written to.
/// </summary>
/// <param name="IsRefuge">Defaulted so addresses recorded before refuges were marked still read.</param>
public sealed record PostalAddress(string Line1, string? Line2, string Town, string Postcode, bool DoNotDisclose, bool IsRefuge = false)
{
    /// <summary>
    /// The one test every screen and rule uses. A refuge is confidential even when nobody ticked
    /// "do not disclose": a refuge's location, once known, endangers every woman living there.
    /// </summary>
    [JsonIgnore]
    public bool IsConfidential => DoNotDisclose || IsRefuge;

    /// <summary>Why it is withheld, in the words the screens show, or null when it is not.</summary>
    [JsonIgnore]
    public string? WithheldAs => IsRefuge ? "refuge address" : DoNotDisclose ? "do not disclose" : null;

    internal PostalAddress Normalised() => this with
    {
        Line1 = Text.Tidy(Line1),
        Line2 = Text.TidyOrNull(Line2),
        Town = Text.Tidy(Town),
        Postcode = UkPostcode.Format(Postcode),
    };
}
