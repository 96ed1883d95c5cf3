using CharityCMS.Cases;
using CharityCMS.Clients;

namespace CharityCMS.Referrals;

/// <summary>
/// The safe-contact rules for first contact, as pure functions of what the referral says: a method
/// that is not marked safe is refused, never merely warned about. The referral page shows the same
/// rules before the attempt form.
/// </summary>
public static class SafeContact
{
    /// <summary>The methods a first contact can use.</summary>
    public static readonly IReadOnlyList<ContactMethod> Methods =
        [ContactMethod.Call, ContactMethod.Text, ContactMethod.Voicemail, ContactMethod.Email, ContactMethod.Letter, ContactMethod.Visit];

    /// <summary>
    /// Why this attempt is not allowed, in words for the worker; null when it is safe. Never names her.
    /// On top of the rules every contact keeps (<see cref="SafeContactRules"/>), first contact needs her
    /// consent, and a letter needs her word that post is safe.
    /// </summary>
    public static string? RefusalFor(Referral referral, ContactMethod method, string? phoneNumber)
    {
        if (!referral.ConsentToContact)
            return "She has not agreed to be contacted. Speak to the referrer before contacting her.";
        if (!Methods.Contains(method)) return "First contact is by call, text, voicemail, email, letter or visit.";
        var person = referral.Person;
        return SafeContactRules.RefusalFor(method, phoneNumber, person.Contact, person.Address)
            ?? (method == ContactMethod.Letter && !person.SafeToWrite ? "It is not safe to write to her. Do not send post." : null);
    }

    public static PhoneNumber? PhoneFor(ReferredPerson person, string? phoneNumber) =>
        phoneNumber is null ? null : person.Contact.Phones.FirstOrDefault(p => p.SearchDigits == PhoneDigits.Normalise(phoneNumber));

    /// <summary>The rules as lines to read before picking up the phone: one per number, then email, post and consent.</summary>
    public static IReadOnlyList<SafeContactRule> RulesFor(Referral referral)
    {
        var person = referral.Person;
        var rules = new List<SafeContactRule>();
        if (!referral.ConsentToContact) rules.Add(new("Consent", "She has not agreed to be contacted: speak to the referrer first.", false));
        foreach (var phone in person.Contact.Phones)
        {
            var allowed = new[] { phone.SafeToCall ? "call" : null, phone.SafeForVoicemail ? "voicemail" : null, phone.SafeForText ? "text" : null }.OfType<string>().ToList();
            rules.Add(new($"{phone.Label ?? "Phone"} {phone.Number}",
                allowed.Count == 0 ? "not safe for calls, voicemail or texts" : "safe to " + string.Join(", ", allowed)
                    + (phone.SafeForVoicemail ? "" : "; no voicemail") + (phone.SafeForText ? "" : "; no texts"),
                allowed.Count > 0));
        }
        if (person.Contact.Phones.Count == 0) rules.Add(new("Phone", "no phone number recorded", false));
        rules.Add(person.Contact.Email switch
        {
            null => new("Email", "no email address recorded", false),
            { IsSafe: true } e => new($"Email {e.Address}", "safe to email", true),
            var e => new($"Email {e.Address}", "not safe to email", false),
        });
        rules.Add(person.Address switch
        {
            null => new("Post", "no address recorded", false),
            { IsRefuge: true } => new("Post", "address is a refuge: no letters", false),
            { DoNotDisclose: true } => new("Post", "address is do not disclose: no letters", false),
            _ when !person.SafeToWrite => new("Post", "not safe to write to her", false),
            _ => new("Post", "safe to write to her address", true),
        });
        return rules;
    }
}

public sealed record SafeContactRule(string What, string Rule, bool Safe);
