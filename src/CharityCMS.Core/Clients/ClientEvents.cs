using CharityCMS.Workspaces;

namespace CharityCMS.Clients;

// What happened to a client's record, in order, on the stream whose id is the client's id.
// Shipped events are never renamed or reshaped: add a new event instead.

public sealed record ClientRegistered(
    string Reference,
    ClientPersonalDetails Details,
    ClientContactDetails Contact,
    PostalAddress? Address,
    StaffMember By,
    DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record ClientDetailsChanged(ClientPersonalDetails Details, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record ClientContactDetailsChanged(ClientContactDetails Contact, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record ClientAddressChanged(PostalAddress? Address, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>Her equality monitoring answers as she gave them; a later answer replaces the earlier one.</summary>
public sealed record ClientEqualityMonitoringChanged(EqualityMonitoring Monitoring, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);
