using CharityCMS.Workspaces;

namespace CharityCMS.Risk;

// What happened to one risk assessment, in order, on the stream whose id is the assessment's id.
// Shipped events are never renamed or reshaped: add a new event instead.

public sealed record RiskAssessmentStarted(Guid ClientId, Guid? CaseId, StaffMember By, DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>The form as it stood when saved: answers so far, and any judgement and rationale. Replaces the last draft.</summary>
public sealed record RiskAssessmentDraftSaved(
    IReadOnlyList<ChecklistAnswer> Answers,
    IReadOnlyList<ChecklistAnswer> StalkingAnswers,
    RiskLevel? Judgement,
    string? Rationale,
    StaffMember By,
    DateTimeOffset At) : WorkspaceEvent(By, At);

/// <summary>The assessment as completed: an immutable snapshot. Nothing is appended after it.</summary>
public sealed record RiskAssessmentCompleted(
    IReadOnlyList<ChecklistAnswer> Answers,
    int Score,
    RiskLevel ScoreLevel,
    RiskLevel? Judgement,
    RiskLevel FinalLevel,
    string? Rationale,
    IReadOnlyList<ChecklistAnswer> StalkingAnswers,
    StaffMember By,
    DateTimeOffset At) : WorkspaceEvent(By, At);
