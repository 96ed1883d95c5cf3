using System.Text.Json.Serialization;

using CharityCMS.Workspaces;

namespace CharityCMS.Clients;

/// <summary>
/// A client's record: the state of her stream, kept inline as a document so a screen reads it in
/// one query, and the decisions about it. Marten sets <see cref="Version"/> to the stream version,
/// which an edit must match to be saved.
/// </summary>
// partial: Marten's source generator writes the projection code for this snapshot into the other part.
public sealed partial class Client
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Reference { get; set; } = "";
    public ClientPersonalDetails Details { get; set; } = null!;
    public ClientContactDetails Contact { get; set; } = ClientContactDetails.None;
    public PostalAddress? Address { get; set; }
    public EqualityMonitoring Monitoring { get; set; } = EqualityMonitoring.NotRecorded;
    public DateTimeOffset RegisteredAt { get; set; }
    public StaffMember RegisteredBy { get; set; } = null!;
    public DateTimeOffset LastChangedAt { get; set; }
    public StaffMember LastChangedBy { get; set; } = null!;

    /// <summary>The date an approximate age was given, so the age can be carried forward.</summary>
    public DateOnly AgeRecordedOn { get; set; }

    /// <summary>Lower-case names and reference plus phone digits: what the client search matches. Never shown.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>The display name in lower case, for sorting.</summary>
    public string SortName { get; set; } = "";

    [JsonIgnore]
    public string DisplayName => Details.DisplayName;

    public int? AgeOn(DateOnly day) => ClientAge.On(day, Details.DateOfBirth, Details.ApproximateAge, AgeRecordedOn);

    public static Client Create(ClientRegistered registered)
    {
        var client = new Client
        {
            Reference = registered.Reference,
            RegisteredAt = registered.At,
            RegisteredBy = registered.By,
            AgeRecordedOn = DateOnly.FromDateTime(registered.At.UtcDateTime),
            Details = registered.Details,
            Contact = registered.Contact,
            Address = registered.Address,
        };
        client.Touched(registered.By, registered.At);
        return client;
    }

    public void Apply(ClientDetailsChanged changed)
    {
        if (changed.Details.ApproximateAge != Details.ApproximateAge) AgeRecordedOn = DateOnly.FromDateTime(changed.At.UtcDateTime);
        Details = changed.Details;
        Touched(changed.By, changed.At);
    }

    public void Apply(ClientContactDetailsChanged changed)
    {
        Contact = changed.Contact;
        Touched(changed.By, changed.At);
    }

    public void Apply(ClientAddressChanged changed)
    {
        Address = changed.Address;
        Touched(changed.By, changed.At);
    }

    public void Apply(ClientEqualityMonitoringChanged changed)
    {
        Monitoring = changed.Monitoring;
        Touched(changed.By, changed.At);
    }

    private void Touched(StaffMember by, DateTimeOffset at)
    {
        LastChangedBy = by;
        LastChangedAt = at;
        SortName = Details.DisplayName.ToLowerInvariant();
        SearchText = ClientSearchText.For(Reference, Details, Contact);
    }

    public static ClientRegistered Register(RegisterClient command, string reference, StaffMember by, DateTimeOffset at) =>
        new(reference, command.Details.Normalised(), command.Contact.Normalised(), command.Address?.Normalised(), by, at);

    /// <summary>The events that start her stream: the registration, then her equality monitoring when any was given.</summary>
    public static object[] Registering(RegisterClient command, string reference, StaffMember by, DateTimeOffset at) =>
        command.Monitoring is { } monitoring && monitoring != EqualityMonitoring.NotRecorded
            ? [Register(command, reference, by, at), new ClientEqualityMonitoringChanged(monitoring, by, at)]
            : [Register(command, reference, by, at)];

    /// <summary>The events an edit produces: one per part of the record that differs, none when nothing does.</summary>
    public IReadOnlyList<WorkspaceEvent> Change(ChangeClientDetails command, StaffMember by, DateTimeOffset at)
    {
        var events = new List<WorkspaceEvent>();
        var details = CarryForwardAge(command.Details.Normalised(), at);
        var contact = command.Contact.Normalised();
        var address = command.Address?.Normalised();
        if (details != Details) events.Add(new ClientDetailsChanged(details, by, at));
        if (!contact.Equals(Contact)) events.Add(new ClientContactDetailsChanged(contact, by, at));
        if (address != Address) events.Add(new ClientAddressChanged(address, by, at));
        if (command.Monitoring is { } monitoring && monitoring != Monitoring) events.Add(new ClientEqualityMonitoringChanged(monitoring, by, at));
        return events;
    }

    /// <summary>
    /// The form shows an approximate age carried forward to today; sent back unchanged, it is the
    /// same age, not an edit, and must not rewrite the history or the date it was given.
    /// </summary>
    private ClientPersonalDetails CarryForwardAge(ClientPersonalDetails details, DateTimeOffset at) =>
        details.DateOfBirth is null && Details.DateOfBirth is null && details.ApproximateAge is not null
            && details.ApproximateAge == AgeOn(DateOnly.FromDateTime(at.UtcDateTime))
            ? details with { ApproximateAge = Details.ApproximateAge }
            : details;
}
