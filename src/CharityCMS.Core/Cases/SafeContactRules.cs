using CharityCMS.Clients;

namespace CharityCMS.Cases;

/// <summary>
/// Whether a way of reaching the client is safe, from what she told us. An unsafe method is
/// refused, not warned about: a call the perpetrator answers or a letter to a refuge address can
/// cost her life. Used by every screen that records a contact or an attempt.
/// </summary>
public static class SafeContactRules
{
    public const string NoNumberChosen = "Choose which of her numbers you used.";

    /// <returns>Why the contact must not be made, or null when it is safe.</returns>
    public static string? RefusalFor(ContactMethod method, string? phoneNumber, ClientContactDetails contact, PostalAddress? address)
    {
        if (method.UsesPhone())
        {
            if (string.IsNullOrWhiteSpace(phoneNumber)) return NoNumberChosen;
            var digits = PhoneDigits.Normalise(phoneNumber);
            var phone = contact.Phones.FirstOrDefault(p => p.SearchDigits == digits);
            if (phone is null) return "That number is not one she gave us. Only her recorded numbers may be used.";
            return method switch
            {
                ContactMethod.Call when !phone.SafeToCall => "She has said this number is not safe to call.",
                ContactMethod.Voicemail when !phone.SafeForVoicemail => "She has said it is not safe to leave a voicemail on this number.",
                ContactMethod.Text when !phone.SafeForText => "She has said it is not safe to text this number.",
                _ => null,
            };
        }
        return method switch
        {
            ContactMethod.Email when contact.Email is null => "She has no email address on her record.",
            ContactMethod.Email when !contact.Email.IsSafe => "She has said email is not safe.",
            ContactMethod.Letter when address is null => "She has no postal address on her record.",
            ContactMethod.Letter when address.IsRefuge => "Her address is a refuge address: no letters may be sent to it.",
            ContactMethod.Letter when address.DoNotDisclose => "Her address is marked \"do not disclose\": no letters may be sent to it.",
            _ => null,
        };
    }

    /// <summary>The methods that are safe for her now, for the contact form to offer first.</summary>
    public static IEnumerable<ContactMethod> SafeMethods(ClientContactDetails contact, PostalAddress? address) =>
        Enum.GetValues<ContactMethod>().Where(method => method.UsesPhone()
            ? contact.Phones.Any(p => RefusalFor(method, p.Number, contact, address) is null)
            : RefusalFor(method, null, contact, address) is null);
}
