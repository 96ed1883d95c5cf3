using CharityCMS.Workspaces;

namespace CharityCMS.Cases;

/// <summary>
/// One episode of support for a client: the state of the case's stream, kept inline as a document
/// so the case page and the caseloads read it in one query. Marten sets <see cref="Version"/> to
/// the stream version; changes that replace something (a transfer, a closure) must match it.
/// </summary>
// partial: Marten's source generator writes the projection code for this snapshot into the other part.
public sealed partial class Case
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public Guid ClientId { get; set; }
    public string ClientReference { get; set; } = "";
    public CaseService Service { get; set; }
    public Guid? ReferralId { get; set; }
    public CaseStatus Status { get; set; }
    public DateOnly OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public CaseClosureReason? ClosureReason { get; set; }

    /// <summary>The allocated worker; null while the case waits for allocation.</summary>
    public StaffMember? Worker { get; set; }

    /// <summary>The worker's member id, duplicated into a column so caseloads filter on it.</summary>
    public Guid? WorkerId { get; set; }

    public List<AbuseType> AbuseTypes { get; set; } = [];
    public List<CaseContact> Contacts { get; set; } = [];
    public List<CaseIncident> Incidents { get; set; } = [];
    public List<OnwardReferral> OnwardReferrals { get; set; } = [];
    public List<SafetyPlanAction> SafetyPlan { get; set; } = [];
    public OutcomeScores? IntakeOutcomes { get; set; }
    public OutcomeScores? ExitOutcomes { get; set; }

    /// <summary>When she was last actually reached (attempts do not count).</summary>
    public DateTimeOffset? LastContactAt { get; set; }

    /// <summary>The earliest review date among the safety plan's open actions.</summary>
    public DateOnly? NextSafetyPlanReviewOn { get; set; }

    public DateTimeOffset LastChangedAt { get; set; }
    public StaffMember LastChangedBy { get; set; } = null!;

    public bool IsOpen => Status == CaseStatus.Open;

    public static Case Create(CaseOpened opened) => new Case
    {
        ClientId = opened.ClientId,
        ClientReference = opened.ClientReference,
        Service = opened.Service,
        ReferralId = opened.ReferralId,
        Status = CaseStatus.Open,
        OpenedOn = opened.OpenedOn,
    }.Allocate(opened.Worker).Touched(opened);

    public void Apply(CaseAllocated allocated) => Allocate(allocated.Worker).Touched(allocated);

    public void Apply(CaseTransferred transferred) => Allocate(transferred.To).Touched(transferred);

    public void Apply(CaseClosed closed)
    {
        Status = CaseStatus.Closed;
        ClosedOn = closed.ClosedOn;
        ClosureReason = closed.Reason;
        Touched(closed);
    }

    public void Apply(CaseAbuseTypesRecorded recorded)
    {
        AbuseTypes = recorded.AbuseTypes.ToList();
        Touched(recorded);
    }

    public void Apply(ContactLogged logged)
    {
        Contacts.Add(new CaseContact(logged.ContactId, logged.Method, logged.Successful, logged.OccurredAt, logged.DurationMinutes,
            logged.PhoneNumber, logged.Note, logged.By, logged.At, AmendsContactId: null));
        if (logged.Successful && (LastContactAt is null || logged.OccurredAt > LastContactAt)) LastContactAt = logged.OccurredAt;
        Touched(logged);
    }

    public void Apply(ContactNoteAmended amended)
    {
        // Decisions only amend entries that exist; a projection never throws on history.
        if (Contacts.Find(c => c.Id == amended.AmendsContactId) is not { } original) return;
        Contacts.Add(original with
        {
            Id = amended.AmendmentId,
            Note = amended.Note,
            By = amended.By,
            RecordedAt = amended.At,
            AmendsContactId = original.Id,
        });
        Touched(amended);
    }

    public void Apply(IncidentRecorded recorded)
    {
        Incidents.Add(new CaseIncident(recorded.IncidentId, recorded.OccurredOn, recorded.ReportedToPolice, recorded.PoliceReference,
            recorded.Summary, recorded.By, recorded.At));
        Touched(recorded);
    }

    public void Apply(OnwardReferralMade made)
    {
        OnwardReferrals.Add(new OnwardReferral(made.OnwardReferralId, made.Organisation, made.Kind, made.Reason, made.MadeOn,
            OnwardReferralStatus.Made, made.By));
        Touched(made);
    }

    public void Apply(OnwardReferralStatusChanged changed)
    {
        var index = OnwardReferrals.FindIndex(r => r.Id == changed.OnwardReferralId);
        if (index < 0) return;
        var referral = OnwardReferrals[index];
        OnwardReferrals[index] = referral with
        {
            Status = changed.Status,
            StatusChanges = [.. referral.StatusChanges, new OnwardReferralStatusChange(changed.Status, changed.Note, changed.By, changed.At)],
        };
        Touched(changed);
    }

    public void Apply(OutcomesRecorded recorded)
    {
        if (recorded.Stage == OutcomeStage.Intake) IntakeOutcomes = recorded.Scores;
        else ExitOutcomes = recorded.Scores;
        Touched(recorded);
    }

    public void Apply(SafetyPlanActionAdded added)
    {
        SafetyPlan.Add(new SafetyPlanAction(added.ActionId, added.Action, added.Owner, SafetyActionStatus.Planned, added.ReviewOn,
            [new SafetyPlanReview(SafetyActionStatus.Planned, "Added to the plan", added.By, added.At)]));
        Touched(added);
    }

    public void Apply(SafetyPlanActionReviewed reviewed)
    {
        var index = SafetyPlan.FindIndex(a => a.Id == reviewed.ActionId);
        if (index < 0) return;
        var action = SafetyPlan[index];
        SafetyPlan[index] = action with
        {
            Status = reviewed.Status,
            ReviewOn = reviewed.NextReviewOn,
            Reviews = [.. action.Reviews, new SafetyPlanReview(reviewed.Status, reviewed.Note, reviewed.By, reviewed.At)],
        };
        Touched(reviewed);
    }

    private Case Allocate(StaffMember? worker)
    {
        Worker = worker;
        WorkerId = worker?.Id;
        return this;
    }

    private Case Touched(WorkspaceEvent e)
    {
        LastChangedAt = e.At;
        LastChangedBy = e.By;
        NextSafetyPlanReviewOn = SafetyPlan.Where(a => a.IsOpen && a.ReviewOn is not null).Min(a => a.ReviewOn);
        return this;
    }
}

/// <summary>An entry of the contact log. An amendment is an entry of its own that points at the entry it corrects.</summary>
public sealed record CaseContact(
    Guid Id,
    ContactMethod Method,
    bool Successful,
    DateTimeOffset OccurredAt,
    int? DurationMinutes,
    string? PhoneNumber,
    string Note,
    StaffMember By,
    DateTimeOffset RecordedAt,
    Guid? AmendsContactId);

public sealed record CaseIncident(
    Guid Id,
    DateOnly OccurredOn,
    bool ReportedToPolice,
    string? PoliceReference,
    string Summary,
    StaffMember RecordedBy,
    DateTimeOffset RecordedAt);

public sealed record OnwardReferral(
    Guid Id,
    string Organisation,
    OnwardReferralKind Kind,
    string? Reason,
    DateOnly MadeOn,
    OnwardReferralStatus Status,
    StaffMember MadeBy)
{
    /// <summary>Each change of status since it was made, oldest first, with the worker's note.</summary>
    public IReadOnlyList<OnwardReferralStatusChange> StatusChanges { get; init; } = [];
}

public sealed record OnwardReferralStatusChange(OnwardReferralStatus Status, string? Note, StaffMember By, DateTimeOffset At);

public sealed record SafetyPlanAction(
    Guid Id,
    string Action,
    string Owner,
    SafetyActionStatus Status,
    DateOnly? ReviewOn,
    IReadOnlyList<SafetyPlanReview> Reviews)
{
    public bool IsOpen => Status is SafetyActionStatus.Planned or SafetyActionStatus.InProgress;
}

public sealed record SafetyPlanReview(SafetyActionStatus Status, string? Note, StaffMember By, DateTimeOffset At);
