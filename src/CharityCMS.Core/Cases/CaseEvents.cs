using CharityCMS.Workspaces;

namespace CharityCMS.Cases;

// What happened on one case (an episode of support), in order, on the stream whose id is the case id.
// Shipped events are never renamed or reshaped: add a new event instead.

public sealed record CaseOpened(
    Guid ClientId,
    string ClientReference,
    CaseService Service,
    StaffMember? Worker,
    Guid? ReferralId,
    DateOnly OpenedOn,
    StaffMember By,
    DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record CaseAllocated(StaffMember Worker, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record CaseTransferred(StaffMember From, StaffMember To, string Note, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record CaseClosed(CaseClosureReason Reason, string? Note, DateOnly ClosedOn, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record CaseAbuseTypesRecorded(IReadOnlyList<AbuseType> AbuseTypes, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>A contact with the client, or an attempt at one. The note is never changed afterwards.</summary>
public sealed record ContactLogged(
    Guid ContactId,
    ContactMethod Method,
    bool Successful,
    DateTimeOffset OccurredAt,
    int? DurationMinutes,
    string? PhoneNumber,
    string Note,
    StaffMember By,
    DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>A correction of a saved contact note: a new entry pointing at the original, which stays as it was.</summary>
public sealed record ContactNoteAmended(Guid AmendmentId, Guid AmendsContactId, string Note, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record IncidentRecorded(
    Guid IncidentId,
    DateOnly OccurredOn,
    bool ReportedToPolice,
    string? PoliceReference,
    string Summary,
    StaffMember By,
    DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record OnwardReferralMade(
    Guid OnwardReferralId,
    string Organisation,
    OnwardReferralKind Kind,
    string? Reason,
    DateOnly MadeOn,
    StaffMember By,
    DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record OnwardReferralStatusChanged(Guid OnwardReferralId, OnwardReferralStatus Status, string? Note, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record OutcomesRecorded(OutcomeStage Stage, OutcomeScores Scores, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record SafetyPlanActionAdded(
    Guid ActionId,
    string Action,
    string Owner,
    DateOnly ReviewOn,
    StaffMember By,
    DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>A review of one safety plan action: its status now, and when to look at it again (none once it is done or dropped).</summary>
public sealed record SafetyPlanActionReviewed(
    Guid ActionId,
    SafetyActionStatus Status,
    DateOnly? NextReviewOn,
    string? Note,
    StaffMember By,
    DateTimeOffset At) : WorkspaceEvent(By, At);
