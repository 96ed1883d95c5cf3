namespace CharityCMS.Notifications;

/// <summary>What a notification is about. Stored by name: never rename a value once shipped.</summary>
public enum NotificationKind
{
    SelfReferralReceived,
    BreakGlassOpening,
    ReassessmentDue,
    SafetyPlanReviewDue,
    MaracActionDue,
    HighRiskNoContact,
    GrantDeadlineApproaching,
    GrantDeadlineOverdue,
}

/// <summary>
/// One in-app notification for one member, shown under the bell. The text names a client only by
/// her reference, never by name. The id is the notification's identity (kind, subject, due date
/// and recipient), so the same reminder raised twice is one document, not two.
/// </summary>
public sealed record Notification(
    string Id,
    Guid RecipientId,
    NotificationKind Kind,
    string Text,
    string? Link,
    DateTimeOffset At)
{
    public DateTimeOffset? ReadAt { get; init; }

    public static string IdFor(NotificationKind kind, string subject, Guid recipientId) => $"{kind}:{subject}:{recipientId:N}";
}
