using CharityCMS.Workspaces;

namespace CharityCMS.Marac;

// What happened to one MARAC referral, in order, on the stream whose id is the referral's id.
// Shipped events are never renamed or reshaped: add a new event instead.

public sealed record MaracReferralMade(
    Guid ClientId,
    string ClientReference,
    Guid? CaseId,
    IReadOnlyList<MaracCriterion> Criteria,
    bool Repeat,
    DateOnly ReferredOn,
    DateOnly MeetingOn,
    StaffMember By,
    DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record MaracActionAgreed(Guid ActionId, string Action, string OwnerAgency, DateOnly DueOn, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record MaracActionCompleted(Guid ActionId, DateOnly CompletedOn, string? Note, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record MaracMeetingDateChanged(DateOnly MeetingOn, string? Reason, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record MaracOutcomeRecorded(string Outcome, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);
