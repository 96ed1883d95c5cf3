using CharityCMS.Notifications;

namespace CharityCMS.Reminders;

/// <summary>
/// The words of each reminder, in one place so none ever carries more than the client's reference
/// and a date: notifications are listed under the bell and counted in emails.
/// </summary>
public static class ReminderText
{
    /// <summary>The kinds the reminder run raises; the digest counts only these.</summary>
    public static readonly IReadOnlySet<NotificationKind> Kinds = new HashSet<NotificationKind>
    {
        NotificationKind.SafetyPlanReviewDue,
        NotificationKind.HighRiskNoContact,
        NotificationKind.ReassessmentDue,
        NotificationKind.MaracActionDue,
    };

    /// <summary>Funding reminders: about grants, never about clients, so the digest may quote them whole.</summary>
    public static readonly IReadOnlySet<NotificationKind> FundingKinds = new HashSet<NotificationKind>
    {
        NotificationKind.GrantDeadlineApproaching,
        NotificationKind.GrantDeadlineOverdue,
    };

    /// <summary>Every kind the daily digest emails.</summary>
    public static readonly IReadOnlySet<NotificationKind> DigestKinds = Kinds.Concat(FundingKinds).ToHashSet();

    public static string For(DueItem item) => item.Kind switch
    {
        NotificationKind.SafetyPlanReviewDue => $"Safety plan review due {Day(item.DueOn)} for {item.ClientReference}.",
        NotificationKind.HighRiskNoContact => $"High-risk case {item.ClientReference}: no successful contact, which was due by {Day(item.DueOn)}.",
        NotificationKind.ReassessmentDue => $"Risk reassessment due {Day(item.DueOn)} for {item.ClientReference}.",
        NotificationKind.MaracActionDue => $"MARAC action due {Day(item.DueOn)} for {item.ClientReference}.",
        _ => throw new ArgumentOutOfRangeException(nameof(item), item.Kind, "Not a reminder kind."),
    };

    /// <summary>"2 safety plan reviews due", for the digest's counts.</summary>
    public static string Count(NotificationKind kind, int count) => kind switch
    {
        NotificationKind.SafetyPlanReviewDue => count == 1 ? "1 safety plan review due" : $"{count} safety plan reviews due",
        NotificationKind.HighRiskNoContact => count == 1 ? "1 high-risk case with no recent contact" : $"{count} high-risk cases with no recent contact",
        NotificationKind.ReassessmentDue => count == 1 ? "1 risk reassessment due" : $"{count} risk reassessments due",
        NotificationKind.MaracActionDue => count == 1 ? "1 MARAC action due" : $"{count} MARAC actions due",
        NotificationKind.GrantDeadlineApproaching => count == 1 ? "1 funding deadline coming up" : $"{count} funding deadlines coming up",
        NotificationKind.GrantDeadlineOverdue => count == 1 ? "1 funding deadline overdue" : $"{count} funding deadlines overdue",
        _ => count == 1 ? "1 other notification" : $"{count} other notifications",
    };

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
