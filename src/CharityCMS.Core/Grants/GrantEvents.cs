using CharityCMS.Workspaces;

namespace CharityCMS.Grants;

// What happened to one grant, in order, on the stream whose id is the grant id.
// Shipped events are never renamed or reshaped: add a new event instead.

public sealed record GrantRecorded(GrantTerms Terms, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record GrantTermsChanged(GrantTerms Terms, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>An instalment the funder is expected to pay, added or rescheduled (same id).</summary>
public sealed record InstalmentScheduled(Guid InstalmentId, DateOnly ExpectedOn, decimal Amount, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record InstalmentReceived(Guid InstalmentId, DateOnly ReceivedOn, decimal Amount, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record InstalmentCancelled(Guid InstalmentId, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>A key performance indicator the grant is measured by, added or changed (same id).</summary>
public sealed record KpiSet(Guid KpiId, string Label, KpiMeasure Measure, decimal Target, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

public sealed record KpiRemoved(Guid KpiId, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>A return the funder expects: the period it covers and when it is due. Added or moved (same id).</summary>
public sealed record ReportingDeadlineSet(Guid DeadlineId, string Title, DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly DueOn, StaffMember By, DateTimeOffset At)
    : WorkspaceEvent(By, At);

public sealed record ReportingDeadlineRemoved(Guid DeadlineId, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>The return for a deadline was sent to the funder: its reminders stop.</summary>
public sealed record ReturnSubmitted(Guid DeadlineId, DateOnly SubmittedOn, Guid? FileId, string? Note, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>The renewal (or next application) due on <paramref name="DueOn"/> was sent: its reminders stop.</summary>
public sealed record RenewalApplied(DateOnly DueOn, DateOnly AppliedOn, string? Note, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>The grant was entered in error or withdrawn: it leaves every list and its reminders stop. Its history stays.</summary>
public sealed record GrantDeleted(string Reason, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>A document was attached to the grant; its bytes are the <see cref="GrantFile"/> with the same id, saved in the same transaction.</summary>
public sealed record GrantDocumentAttached(Guid FileId, string FileName, GrantDocumentKind Kind, string ContentType, long Size, string Sha256, StaffMember By, DateTimeOffset At)
    : WorkspaceEvent(By, At);

/// <summary>A document was taken off the grant and its bytes deleted; the history keeps its name.</summary>
public sealed record GrantDocumentRemoved(Guid FileId, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>
/// A manager decided that this case is (or is not) funded by the grant, whatever the rule says, and
/// why. The client reference is kept so the history reads without opening the case; never a name.
/// </summary>
public sealed record CaseFundingOverridden(Guid CaseId, string ClientReference, bool Funded, string Reason, StaffMember By, DateTimeOffset At)
    : WorkspaceEvent(By, At);

/// <summary>The case goes back to being funded by the rule alone.</summary>
public sealed record CaseFundingOverrideCleared(Guid CaseId, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);
