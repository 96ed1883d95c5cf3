using CharityCMS.Risk;

namespace CharityCMS.Web.Risk;

/// <summary>The reassessment due date as staff read it.</summary>
public static class ReassessmentText
{
    public static string Describe(ReassessmentDue? due, DateOnly today) => due switch
    {
        null => "After a first assessment",
        { Reason: ReassessmentReason.NewIncident } when due.IsOverdue(today) => $"Overdue since {due.On:d MMM yyyy} (a new incident)",
        { Reason: ReassessmentReason.NewIncident } => $"{due.On:d MMM yyyy} (a new incident)",
        _ when due.IsOverdue(today) => $"Overdue since {due.On:d MMM yyyy}",
        _ => due.On == today ? "Today" : $"{due.On:d MMM yyyy}",
    };
}
