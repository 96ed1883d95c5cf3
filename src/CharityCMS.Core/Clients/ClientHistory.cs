using CharityCMS.Workspaces;

namespace CharityCMS.Clients;

/// <summary>One line of a client's history: what happened, which parts changed, who and when. Names fields, never values.</summary>
public sealed record ClientHistoryEntry(string What, IReadOnlyList<string> ChangedParts, StaffMember By, DateTimeOffset At);

public static class ClientHistory
{
    public static IReadOnlyList<ClientHistoryEntry> From(IEnumerable<object> events)
    {
        var entries = new List<ClientHistoryEntry>();
        ClientPersonalDetails? details = null;
        ClientContactDetails? contact = null;
        PostalAddress? address = null;
        foreach (var e in events)
        {
            switch (e)
            {
                case ClientRegistered r:
                    (details, contact, address) = (r.Details, r.Contact, r.Address);
                    entries.Add(new("Registered", [], r.By, r.At));
                    break;
                case ClientDetailsChanged c:
                    entries.Add(new("Personal details changed", ChangedParts(details, c.Details), c.By, c.At));
                    details = c.Details;
                    break;
                case ClientContactDetailsChanged c:
                    entries.Add(new("Contact details changed", ChangedParts(contact, c.Contact), c.By, c.At));
                    contact = c.Contact;
                    break;
                case ClientEqualityMonitoringChanged c:
                    // Special category data: the history says that it changed, never what it says.
                    entries.Add(new("Equality monitoring changed", [], c.By, c.At));
                    break;
                case ClientAddressChanged c:
                    entries.Add(new(AddressChange(address, c.Address), [], c.By, c.At));
                    address = c.Address;
                    break;
            }
        }
        return entries;
    }

    private static string AddressChange(PostalAddress? before, PostalAddress? after) => (before, after) switch
    {
        (null, not null) => "Address added",
        (not null, null) => "Address removed",
        _ when before != after && before! with { DoNotDisclose = after!.DoNotDisclose, IsRefuge = after.IsRefuge } == after =>
            string.Join("; ", MarkingChanges(before, after)),
        _ => "Address changed",
    };

    /// <summary>The same address, marked differently: the history says which marking changed.</summary>
    private static IEnumerable<string> MarkingChanges(PostalAddress before, PostalAddress after)
    {
        if (before.IsRefuge != after.IsRefuge) yield return after.IsRefuge ? "Address marked as a refuge" : "Address no longer marked as a refuge";
        if (before.DoNotDisclose != after.DoNotDisclose) yield return after.DoNotDisclose ? "Address marked do not disclose" : "Address no longer marked do not disclose";
    }

    private static IReadOnlyList<string> ChangedParts(ClientPersonalDetails? before, ClientPersonalDetails after)
    {
        if (before is null) return [];
        var parts = new List<string>();
        if (before.LegalName != after.LegalName) parts.Add("legal name");
        if (before.PreferredName != after.PreferredName) parts.Add("preferred name");
        if (before.DateOfBirth != after.DateOfBirth) parts.Add("date of birth");
        if (before.ApproximateAge != after.ApproximateAge) parts.Add("approximate age");
        if (before.Pronouns != after.Pronouns) parts.Add("pronouns");
        if (before.PreferredLanguage != after.PreferredLanguage) parts.Add("preferred language");
        if (before.InterpreterNeeded != after.InterpreterNeeded) parts.Add("interpreter");
        return parts;
    }

    private static IReadOnlyList<string> ChangedParts(ClientContactDetails? before, ClientContactDetails after)
    {
        if (before is null) return [];
        var parts = new List<string>();
        if (!before.Phones.SequenceEqual(after.Phones)) parts.Add("phone numbers");
        if (before.Email != after.Email) parts.Add("email");
        if (before.SafeContactNotes != after.SafeContactNotes) parts.Add("safe-contact notes");
        return parts;
    }
}
