using CharityCMS.Cases;
using CharityCMS.Settings;

namespace CharityCMS.Risk;

public enum ReassessmentReason { Interval, NewIncident }

/// <summary>When the client should next be assessed, and why.</summary>
public sealed record ReassessmentDue(DateOnly On, ReassessmentReason Reason)
{
    public bool IsOverdue(DateOnly today) => On < today;
}

public static class Reassessment
{
    /// <summary>
    /// The earlier of: the completion date plus the workspace's interval for the level the
    /// assessment ended at; and the date of the earliest incident recorded after the assessment was
    /// completed (a new incident calls for reassessment on its own date). None before a first assessment.
    /// </summary>
    public static ReassessmentDue? DueFor(RiskAssessment? latestCompleted, IEnumerable<CaseIncident> incidents, CaseworkSettings settings)
    {
        if (latestCompleted?.CompletedAt is not { } completedAt) return null;
        var byInterval = new ReassessmentDue(
            UkCalendar.DateOf(completedAt).AddDays(7 * settings.ReassessmentWeeks(latestCompleted.FinalLevel)), ReassessmentReason.Interval);
        var firstNew = incidents.Where(i => i.RecordedAt > completedAt).OrderBy(i => i.OccurredOn).FirstOrDefault();
        return firstNew is not null && firstNew.OccurredOn < byInterval.On
            ? new ReassessmentDue(firstNew.OccurredOn, ReassessmentReason.NewIncident)
            : byInterval;
    }
}
