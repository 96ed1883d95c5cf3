using CharityCMS.Clients;

namespace CharityCMS.Web.Clients;

/// <summary>
/// What the client form edits: plain settable fields for the inputs, turned into the domain's
/// records on submit. A confidential address ("do not disclose" or a refuge) is kept here, unseen, so an edit can keep
/// it, replace it or remove it without anybody reading it.
/// </summary>
public sealed class ClientFormModel
{
    public string LegalName { get; set; } = "";
    public string? PreferredName { get; set; }
    public bool DateOfBirthUnknown { get; set; }
    public DateTime? DateOfBirth { get; set; }
    public int? ApproximateAge { get; set; }
    public string? Pronouns { get; set; }
    public string PreferredLanguage { get; set; } = "English";
    public bool InterpreterNeeded { get; set; }

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
    public bool IsRefuge { get; set; }

    public Gender? Gender { get; set; }
    public Ethnicity? Ethnicity { get; set; }
    public Disability? Disability { get; set; }
    public SexualOrientation? SexualOrientation { get; set; }

    /// <summary>The existing confidential address, kept as it is unless the editor replaces or removes it.</summary>
    public PostalAddress? WithheldAddress { get; private set; }

    public ClientPersonalDetails ToDetails() => new(
        LegalName,
        PreferredName,
        DateOfBirthUnknown || DateOfBirth is null ? null : DateOnly.FromDateTime(DateOfBirth.Value),
        DateOfBirthUnknown ? ApproximateAge : null,
        Pronouns,
        PreferredLanguage ?? "",
        InterpreterNeeded);

    public ClientContactDetails ToContact() => new(
        Phones.Where(p => !p.IsBlank).Select(p => p.ToPhoneNumber()).ToList(),
        string.IsNullOrWhiteSpace(Email) ? null : new EmailContact(Email, EmailSafe),
        SafeContactNotes);

    public PostalAddress? ToAddress() =>
        WithheldAddress ?? (HasAddress ? new PostalAddress(Line1, Line2, Town, Postcode, DoNotDisclose, IsRefuge) : null);

    public EqualityMonitoring ToMonitoring() => new(Gender, Ethnicity, Disability, SexualOrientation);

    public void ReplaceWithheldAddress()
    {
        WithheldAddress = null;
        (HasAddress, DoNotDisclose, Line1, Line2, Town, Postcode) = (true, true, "", null, "", "");
    }

    public void RemoveWithheldAddress()
    {
        WithheldAddress = null;
        HasAddress = false;
    }

    /// <summary>Phone rows in the form index the same as in the command, so errors land on the right row.</summary>
    public int CommandIndexOf(PhoneRow row) => Phones.Where(p => !p.IsBlank).ToList().IndexOf(row);

    public static ClientFormModel From(Client client, DateOnly today)
    {
        var details = client.Details;
        var model = new ClientFormModel
        {
            LegalName = details.LegalName,
            PreferredName = details.PreferredName,
            DateOfBirthUnknown = details.DateOfBirth is null,
            DateOfBirth = details.DateOfBirth?.ToDateTime(TimeOnly.MinValue),
            ApproximateAge = details.DateOfBirth is null ? client.AgeOn(today) : null,
            Pronouns = details.Pronouns,
            PreferredLanguage = details.PreferredLanguage,
            InterpreterNeeded = details.InterpreterNeeded,
            Phones = client.Contact.Phones.Select(PhoneRow.From).ToList(),
            Email = client.Contact.Email?.Address,
            EmailSafe = client.Contact.Email?.IsSafe ?? false,
            SafeContactNotes = client.Contact.SafeContactNotes,
            Gender = client.Monitoring.Gender,
            Ethnicity = client.Monitoring.Ethnicity,
            Disability = client.Monitoring.Disability,
            SexualOrientation = client.Monitoring.SexualOrientation,
        };
        if (client.Address is { IsConfidential: true } withheld)
        {
            model.WithheldAddress = withheld;
        }
        else if (client.Address is { } address)
        {
            (model.HasAddress, model.Line1, model.Line2, model.Town, model.Postcode) = (true, address.Line1, address.Line2, address.Town, address.Postcode);
        }
        if (model.Phones.Count == 0) model.Phones.Add(new PhoneRow());
        return model;
    }
}

public sealed class PhoneRow
{
    public string Number { get; set; } = "";
    public string? Label { get; set; }
    public bool SafeToCall { get; set; }
    public bool SafeForVoicemail { get; set; }
    public bool SafeForText { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Number) && string.IsNullOrWhiteSpace(Label);

    public PhoneNumber ToPhoneNumber() => new(Number, Label, SafeToCall, SafeForVoicemail, SafeForText);

    public static PhoneRow From(PhoneNumber phone) => new()
    {
        Number = phone.Number,
        Label = phone.Label,
        SafeToCall = phone.SafeToCall,
        SafeForVoicemail = phone.SafeForVoicemail,
        SafeForText = phone.SafeForText,
    };
}
