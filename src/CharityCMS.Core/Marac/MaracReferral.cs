using CharityCMS.Cases;
using CharityCMS.Workspaces;

namespace CharityCMS.Marac;

/// <summary>
/// One referral of a client to MARAC: the state of its stream, kept inline as a document for the
/// referral page and the workspace's MARAC list. Marten sets <see cref="Version"/> to the stream
/// version, which each change must match.
/// </summary>
// partial: Marten's source generator writes the projection code for this snapshot into the other part.
public sealed partial class MaracReferral
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public Guid ClientId { get; set; }
    public string ClientReference { get; set; } = "";
    public Guid? CaseId { get; set; }
    public List<MaracCriterion> Criteria { get; set; } = [];
    public bool Repeat { get; set; }
    public DateOnly ReferredOn { get; set; }
    public DateOnly MeetingOn { get; set; }
    public List<MaracAction> Actions { get; set; } = [];
    public string? Outcome { get; set; }
    public StaffMember? OutcomeBy { get; set; }
    public DateTimeOffset? OutcomeAt { get; set; }
    public StaffMember ReferredBy { get; set; } = null!;

    /// <summary>The earliest due date among open actions, duplicated into a column so reminders find them.</summary>
    public DateOnly? NextActionDueOn { get; set; }

    /// <summary>Whether the meeting is still to come (no outcome recorded yet).</summary>
    public bool AwaitingOutcome { get; set; } = true;

    public DateTimeOffset LastChangedAt { get; set; }
    public StaffMember LastChangedBy { get; set; } = null!;

    public static MaracReferral Create(MaracReferralMade made) => new MaracReferral
    {
        ClientId = made.ClientId,
        ClientReference = made.ClientReference,
        CaseId = made.CaseId,
        Criteria = made.Criteria.ToList(),
        Repeat = made.Repeat,
        ReferredOn = made.ReferredOn,
        MeetingOn = made.MeetingOn,
        ReferredBy = made.By,
    }.Touched(made);

    public void Apply(MaracActionAgreed agreed)
    {
        Actions.Add(new MaracAction(agreed.ActionId, agreed.Action, agreed.OwnerAgency, agreed.DueOn, null, null, agreed.By, null));
        Touched(agreed);
    }

    public void Apply(MaracActionCompleted completed)
    {
        // Decisions only complete actions that exist and are open; a projection never throws on history.
        var index = Actions.FindIndex(a => a.Id == completed.ActionId);
        if (index < 0) return;
        Actions[index] = Actions[index] with { CompletedOn = completed.CompletedOn, CompletionNote = completed.Note, CompletedBy = completed.By };
        Touched(completed);
    }

    public void Apply(MaracMeetingDateChanged changed)
    {
        MeetingOn = changed.MeetingOn;
        Touched(changed);
    }

    public void Apply(MaracOutcomeRecorded recorded)
    {
        Outcome = recorded.Outcome;
        OutcomeBy = recorded.By;
        OutcomeAt = recorded.At;
        AwaitingOutcome = false;
        Touched(recorded);
    }

    private MaracReferral Touched(WorkspaceEvent e)
    {
        LastChangedAt = e.At;
        LastChangedBy = e.By;
        NextActionDueOn = Actions.Where(a => a.IsOpen).Min(a => (DateOnly?)a.DueOn);
        return this;
    }

    public MaracActionAgreed AgreeAction(Guid actionId, string action, string ownerAgency, DateOnly dueOn, StaffMember by, DateTimeOffset at)
    {
        if (dueOn < ReferredOn) throw new CaseworkRuleException($"An action cannot be due before the referral was made ({ReferredOn:d MMM yyyy}).");
        return new MaracActionAgreed(actionId, Text.Tidy(action), Text.Tidy(ownerAgency), dueOn, by, at);
    }

    public MaracActionCompleted CompleteAction(Guid actionId, DateOnly completedOn, string? note, StaffMember by, DateTimeOffset at)
    {
        var action = Actions.Find(a => a.Id == actionId) ?? throw new CaseworkRuleException("That action is not on this referral.");
        if (!action.IsOpen) throw new CaseworkRuleException($"That action was already completed on {action.CompletedOn:d MMM yyyy}.");
        if (completedOn < ReferredOn) throw new CaseworkRuleException($"An action cannot be completed before the referral was made ({ReferredOn:d MMM yyyy}).");
        return new MaracActionCompleted(actionId, completedOn, Text.TidyOrNull(note, keepLineBreaks: true), by, at);
    }

    public MaracMeetingDateChanged ChangeMeetingDate(DateOnly meetingOn, string? reason, StaffMember by, DateTimeOffset at)
    {
        if (!AwaitingOutcome) throw new CaseworkRuleException("The meeting has been held and its outcome recorded: its date can no longer change.");
        if (meetingOn < ReferredOn) throw new CaseworkRuleException($"The meeting cannot be before the referral was made ({ReferredOn:d MMM yyyy}).");
        if (meetingOn == MeetingOn) throw new CaseworkRuleException("That is already the meeting date.");
        return new MaracMeetingDateChanged(meetingOn, Text.TidyOrNull(reason, keepLineBreaks: true), by, at);
    }

    public MaracOutcomeRecorded RecordOutcome(string outcome, DateOnly today, StaffMember by, DateTimeOffset at)
    {
        if (!AwaitingOutcome) throw new CaseworkRuleException("The outcome of this referral has already been recorded.");
        if (MeetingOn > today) throw new CaseworkRuleException($"The meeting is on {MeetingOn:d MMM yyyy}: record its outcome once it has been held.");
        return new MaracOutcomeRecorded(Text.TidyOrNull(outcome, keepLineBreaks: true) ?? "", by, at);
    }
}

/// <summary>An action agreed at MARAC: what, which agency owns it, when it is due, and when it was done.</summary>
public sealed record MaracAction(
    Guid Id,
    string Action,
    string OwnerAgency,
    DateOnly DueOn,
    DateOnly? CompletedOn,
    string? CompletionNote,
    StaffMember AgreedBy,
    StaffMember? CompletedBy)
{
    public bool IsOpen => CompletedOn is null;
}
