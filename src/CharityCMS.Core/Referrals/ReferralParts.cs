using CharityCMS.Clients;

namespace CharityCMS.Referrals;

// The vocabularies and parts of a referral. Enums are stored by name: never rename a value once shipped.

/// <summary>Who asked for support for her: an agency, or the woman herself through the public form.</summary>
public enum ReferralSource
{
    Police,
    Marac,
    Health,
    ChildrensSocialCare,
    Housing,
    AnotherCharity,
    Other,
    Self,
}

public enum ReferralStatus { Untriaged, Accepted, Declined, Signposted }

/// <summary>The agency that referred her and the person there to speak to. None for a self-referral.</summary>
public sealed record Referrer(string Organisation, string? ContactName, string? ContactPhone, string? ContactEmail)
{
    internal Referrer Normalised() => new(
        Text.Tidy(Organisation), Text.TidyOrNull(ContactName), Text.TidyOrNull(ContactPhone), Text.TidyOrNull(ContactEmail));
}

/// <summary>
/// The woman referred, as the referral describes her. Her contact details carry the same safe
/// flags as a client's; <see cref="SafeToWrite"/> says whether post may be sent to her address at all.
/// </summary>
public sealed record ReferredPerson(
    string Name,
    DateOnly? DateOfBirth,
    int? ApproximateAge,
    ClientContactDetails Contact,
    PostalAddress? Address,
    bool SafeToWrite)
{
    internal ReferredPerson Normalised() => this with
    {
        Name = Text.Tidy(Name),
        ApproximateAge = DateOfBirth is null ? ApproximateAge : null,
        Contact = Contact.Normalised(),
        Address = Address?.Normalised(),
    };
}

/// <summary>One attempt to reach her for the first time, successful or not.</summary>
public sealed record ContactAttempt(
    Guid Id,
    Cases.ContactMethod Method,
    bool Successful,
    DateTimeOffset OccurredAt,
    string? PhoneNumber,
    string? Note,
    Workspaces.StaffMember By,
    DateTimeOffset RecordedAt);

public static class ReferralVocabulary
{
    public static string Title(this ReferralSource source) => source switch
    {
        ReferralSource.Police => "Police",
        ReferralSource.Marac => "MARAC",
        ReferralSource.Health => "Health",
        ReferralSource.ChildrensSocialCare => "Children's social care",
        ReferralSource.Housing => "Housing",
        ReferralSource.AnotherCharity => "Another charity",
        ReferralSource.Self => "Self-referral",
        _ => "Other",
    };

    public static string Title(this ReferralStatus status) => status switch
    {
        ReferralStatus.Untriaged => "Waiting for triage",
        ReferralStatus.Accepted => "Accepted",
        ReferralStatus.Declined => "Declined",
        _ => "Signposted",
    };

    /// <summary>The referral's known risk as staff read it: "Not known" when the referrer gave none.</summary>

    /// <summary>A span of time as a funder return puts it: "45 minutes", "5 hours", "3 days 2 hours".</summary>
    public static string Describe(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        if (span < TimeSpan.FromHours(1)) return Plural((int)span.TotalMinutes, "minute");
        if (span < TimeSpan.FromDays(1)) return Plural((int)span.TotalHours, "hour");
        var days = Plural(span.Days, "day");
        return span.Hours == 0 ? days : $"{days} {Plural(span.Hours, "hour")}";
    }

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
