using CharityCMS.Marac;
using CharityCMS.Risk;
using CharityCMS.Workspaces;

namespace CharityCMS.Cases;

/// <summary>The groups a worker can filter a case's timeline by.</summary>
public enum TimelineStrand { Allocation, Contacts, Incidents, Safety, Risk, Marac, OnwardReferrals, Outcomes }

/// <summary>One line of a case's timeline: what happened, who recorded it and when.</summary>
public sealed record TimelineEntry(DateTimeOffset At, StaffMember By, TimelineStrand Strand, string What, string? Detail);

/// <summary>
/// Reads a case's events as the timeline a worker scans: every event, oldest first, in words,
/// with her risk assessments and MARAC referrals (their own streams) from the case's time.
/// </summary>
public static class CaseTimeline
{
    public static IReadOnlyList<TimelineEntry> From(IEnumerable<object> events) =>
        events.OfType<WorkspaceEvent>().Select(Describe).OfType<TimelineEntry>().OrderBy(e => e.At).ToList();

    private static TimelineEntry? Describe(WorkspaceEvent e) => e switch
    {
        CaseOpened o => new(o.At, o.By, TimelineStrand.Allocation, $"Case opened ({o.Service.Title()})",
            o.Worker is null ? "Waiting for allocation" : $"Allocated to {o.Worker.Name}"),
        CaseAllocated a => new(a.At, a.By, TimelineStrand.Allocation, $"Allocated to {a.Worker.Name}", null),
        CaseTransferred t => new(t.At, t.By, TimelineStrand.Allocation, $"Transferred from {t.From.Name} to {t.To.Name}", t.Note),
        CaseClosed c => new(c.At, c.By, TimelineStrand.Allocation, $"Case closed: {c.Reason.Title()}", c.Note),
        CaseAbuseTypesRecorded r => new(r.At, r.By, TimelineStrand.Incidents, "Abuse types recorded",
            r.AbuseTypes.Count == 0 ? "None" : string.Join(", ", r.AbuseTypes.Select(t => t.Title()))),
        ContactLogged l => new(l.At, l.By, TimelineStrand.Contacts,
            $"{l.Method.Title()}{(l.Successful ? "" : " (attempt, no contact)")}", l.Note),
        ContactNoteAmended m => new(m.At, m.By, TimelineStrand.Contacts, "Contact note corrected", m.Note),
        IncidentRecorded i => new(i.At, i.By, TimelineStrand.Incidents,
            $"Incident on {i.OccurredOn:d MMM yyyy}{(i.ReportedToPolice ? ", reported to the police" : "")}", i.Summary),
        OnwardReferralMade r => new(r.At, r.By, TimelineStrand.OnwardReferrals, $"Referred to {r.Organisation} ({r.Kind.Title()})", r.Reason),
        OnwardReferralStatusChanged s => new(s.At, s.By, TimelineStrand.OnwardReferrals, $"Onward referral now {s.Status}", s.Note),
        OutcomesRecorded o => new(o.At, o.By, TimelineStrand.Outcomes, $"{o.Stage} outcomes recorded",
            string.Join("; ", o.Scores.Measures().Select(m => $"{m.Measure}: {m.Score}/10"))),
        SafetyPlanActionAdded a => new(a.At, a.By, TimelineStrand.Safety, $"Safety plan: {a.Action}", $"Owner {a.Owner}, review by {a.ReviewOn:d MMM yyyy}"),
        SafetyPlanActionReviewed r => new(r.At, r.By, TimelineStrand.Safety, $"Safety plan action reviewed: {r.Status.Title()}", r.Note),
        RiskAssessmentCompleted r => new(r.At, r.By, TimelineStrand.Risk, $"Risk assessment completed: {r.FinalLevel.Title()} risk",
            $"{r.Score} of 24 \"yes\"{(r.Judgement is not null ? ", raised by professional judgement" : "")}"),
        MaracReferralMade m => new(m.At, m.By, TimelineStrand.Marac, m.Repeat ? "Referred to MARAC (repeat referral)" : "Referred to MARAC",
            $"Meeting on {m.MeetingOn:d MMM yyyy}"),
        MaracActionAgreed a => new(a.At, a.By, TimelineStrand.Marac, $"MARAC action for {a.OwnerAgency}, due {a.DueOn:d MMM yyyy}", a.Action),
        MaracActionCompleted c => new(c.At, c.By, TimelineStrand.Marac, "MARAC action completed", c.Note),
        MaracMeetingDateChanged d => new(d.At, d.By, TimelineStrand.Marac, $"MARAC meeting moved to {d.MeetingOn:d MMM yyyy}", d.Reason),
        MaracOutcomeRecorded o => new(o.At, o.By, TimelineStrand.Marac, "MARAC outcome recorded", o.Outcome),
        _ => null,
    };
}
