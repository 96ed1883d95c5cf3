using CharityCMS.Workspaces;

namespace CharityCMS.Cases;

// The rules about changing a case. Pure: each takes the case as it stands and the request, and
// returns the events to append or throws CaseworkRuleException with the reason in plain words.
public sealed partial class Case
{
    public IEnumerable<WorkspaceEvent> Allocate(StaffMember worker, string? note, StaffMember by, DateTimeOffset at)
    {
        RequireOpen();
        if (Worker is null) return [new CaseAllocated(worker, by, at)];
        if (Worker.Id == worker.Id) return [];
        if (string.IsNullOrWhiteSpace(note)) throw new CaseworkRuleException("Add a handover note for the new worker.");
        return [new CaseTransferred(Worker, worker, note.Trim(), by, at)];
    }

    public IEnumerable<WorkspaceEvent> Close(CloseCase command, StaffMember by, DateTimeOffset at)
    {
        RequireOpen();
        var reason = command.Reason ?? throw new CaseworkRuleException(CloseCaseValidator.NoReason);
        if (command.ClosedOn < OpenedOn) throw new CaseworkRuleException("A case cannot close before the day it opened.");
        if (reason == CaseClosureReason.Other && string.IsNullOrWhiteSpace(command.Note))
            throw new CaseworkRuleException("Say why the case is closing.");
        if (command.ExitOutcomes is { } exit)
        {
            if (IntakeOutcomes is null) throw new CaseworkRuleException("Record the intake outcomes first, so the change can be measured.");
            if (ExitOutcomes is not null) throw new CaseworkRuleException("Exit outcomes are already recorded for this case.");
            yield return new OutcomesRecorded(OutcomeStage.Exit, exit, by, at);
        }
        yield return new CaseClosed(reason, Text.TidyOrNull(command.Note, keepLineBreaks: true), command.ClosedOn, by, at);
    }

    public IEnumerable<WorkspaceEvent> RecordAbuseTypes(IReadOnlyCollection<AbuseType> types, StaffMember by, DateTimeOffset at)
    {
        var chosen = types.Distinct().Order().ToList();
        return chosen.SequenceEqual(AbuseTypes.Order()) ? [] : [new CaseAbuseTypesRecorded(chosen, by, at)];
    }

    public WorkspaceEvent LogContact(LogContact command, CaseDecision decision)
    {
        RequireOpen();
        if (UkCalendar.DateOf(command.OccurredAt) < OpenedOn)
            throw new CaseworkRuleException("A contact on this case cannot be before the case opened.");
        var refusal = SafeContactRules.RefusalFor(command.Method, command.PhoneNumber, decision.Client.Contact, decision.Client.Address);
        if (refusal is not null) throw new CaseworkRuleException(refusal);
        return new ContactLogged(Guid.CreateVersion7(), command.Method, command.Successful, command.OccurredAt, command.DurationMinutes,
            command.Method.UsesPhone() ? Text.Tidy(command.PhoneNumber!) : null, Text.Note(command.Note), decision.By, decision.At);
    }

    public WorkspaceEvent AmendContactNote(Guid contactId, string note, StaffMember by, DateTimeOffset at)
    {
        if (Contacts.All(c => c.Id != contactId)) throw new CaseworkRuleException("That contact is not on this case.");
        return new ContactNoteAmended(Guid.CreateVersion7(), contactId, Text.Note(note), by, at);
    }

    public WorkspaceEvent RecordIncident(RecordIncident command, StaffMember by, DateTimeOffset at) =>
        new IncidentRecorded(Guid.CreateVersion7(), command.OccurredOn, command.ReportedToPolice,
            command.ReportedToPolice ? Text.TidyOrNull(command.PoliceReference) : null,
            Text.Note(command.Summary), by, at);

    public WorkspaceEvent MakeOnwardReferral(MakeOnwardReferral command, StaffMember by, DateTimeOffset at)
    {
        RequireOpen();
        return new OnwardReferralMade(Guid.CreateVersion7(), Text.Tidy(command.Organisation), command.Kind,
            Text.TidyOrNull(command.Reason, keepLineBreaks: true), command.MadeOn, by, at);
    }

    public IEnumerable<WorkspaceEvent> ChangeOnwardReferralStatus(Guid onwardReferralId, OnwardReferralStatus status, string? note, StaffMember by, DateTimeOffset at)
    {
        RequireOpen();
        var referral = OnwardReferrals.Find(r => r.Id == onwardReferralId) ?? throw new CaseworkRuleException("That onward referral is not on this case.");
        if (referral.Status == status && string.IsNullOrWhiteSpace(note)) return [];
        return [new OnwardReferralStatusChanged(onwardReferralId, status, Text.TidyOrNull(note, keepLineBreaks: true), by, at)];
    }

    public WorkspaceEvent RecordOutcomes(OutcomeStage stage, OutcomeScores scores, StaffMember by, DateTimeOffset at)
    {
        if (stage == OutcomeStage.Intake && IntakeOutcomes is not null)
            throw new CaseworkRuleException("Intake outcomes are already recorded for this case; they are the baseline and stay as they were.");
        if (stage == OutcomeStage.Exit && IntakeOutcomes is null)
            throw new CaseworkRuleException("Record the intake outcomes first, so the change can be measured.");
        if (stage == OutcomeStage.Exit && ExitOutcomes is not null)
            throw new CaseworkRuleException("Exit outcomes are already recorded for this case.");
        return new OutcomesRecorded(stage, scores, by, at);
    }

    public WorkspaceEvent AddSafetyPlanAction(AddSafetyPlanAction command, StaffMember by, DateTimeOffset at)
    {
        RequireOpen();
        return new SafetyPlanActionAdded(Guid.CreateVersion7(), Text.Tidy(command.Action), Text.Tidy(command.Owner), command.ReviewOn, by, at);
    }

    public WorkspaceEvent ReviewSafetyPlanAction(ReviewSafetyPlanAction command, StaffMember by, DateTimeOffset at)
    {
        RequireOpen();
        if (SafetyPlan.All(a => a.Id != command.ActionId)) throw new CaseworkRuleException("That action is not on this safety plan.");
        var stillOpen = command.Status is SafetyActionStatus.Planned or SafetyActionStatus.InProgress;
        if (stillOpen && command.NextReviewOn is null) throw new CaseworkRuleException("Set when this action is next reviewed.");
        return new SafetyPlanActionReviewed(command.ActionId, command.Status, stillOpen ? command.NextReviewOn : null,
            Text.TidyOrNull(command.Note, keepLineBreaks: true), by, at);
    }

    private void RequireOpen()
    {
        if (!IsOpen) throw new CaseworkRuleException("This case is closed. Open a new case to record more support.");
    }
}
